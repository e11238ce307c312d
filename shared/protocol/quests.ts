/**
 * Where an on-chain reward stands: `held` waits for the member to connect a wallet (guests), `queued` waits for
 * the oracle, `minting` is sent and waiting for its confirmations, `delivered` is in the wallet, `failed` needs the
 * brand's staff (the cause is in the ledger; nothing is lost).
 */
export type DeliveryState = 'held' | 'queued' | 'minting' | 'delivered' | 'failed';

/** One prize a member won. */
export interface PrizeView {
  /** The claim id the contract refuses to see twice (0x + 64 hex). */
  claimId: string;
  prizeId: string;
  /** What earned it: a quest id, a game id or an event id. */
  source: string;
  wonAt: number;
  state: DeliveryState;
  txHash: string | null;
  /** The wallet it was (or will be) minted to; null while held for a guest. */
  to: string | null;
  /**
   * Epoch ms: the prize is held because its winner has not kept their account yet (PRIZE_REQUIRES); keeping it
   * (an email, a passkey, the brand's login or a wallet) before then releases it, else it goes back to the prize's
   * supply. Absent for every other prize. The member is told "Keep your account to receive this prize".
   */
  keepAccountBy?: number;
  /**
   * True while the prize waits for the brand to add it on chain (published, its addPrize not yet signed): it mints
   * once added. The member is told "The brand is still issuing this prize: it will arrive on its own".
   */
  waitingForBrand?: true;
}

/** A change in where one stamp's token or one prize stands, pushed to its member wherever their room lives. */
export interface DeliveryUpdate {
  kind: 'stamp' | 'prize';
  /** Stamp id or prize id. */
  itemId: string;
  claimId: string;
  state: DeliveryState;
  txHash: string | null;
  to: string | null;
}

/** Where a quest stands for one member at one moment. */
export type QuestStatus = 'locked' | 'upcoming' | 'active' | 'completed' | 'ended';

/** One member's journeys, passport and status; titles and labels come from shared/content by id. */
export interface QuestsSnapshot {
  quests: {
    id: string;
    status: QuestStatus;
    completions: number;
    /** Epoch ms of the last completion, or null. */
    completedAt: number | null;
    /** Repeatable quests: epoch ms when a completed quest opens again. */
    availableAt: number | null;
    steps: { id: string; kind: string; progress: number; target: number }[];
  }[];
  stamps: {
    stampId: string;
    questId: string;
    earnedAt: number;
    /** Where it was earned: the room, and the zone when the event had one (`lounge/departures-board`). */
    where: string;
    /** Where its soulbound token stands (see DeliveryState). */
    chain: DeliveryState;
    /** The mint transaction once sent, else null. */
    txHash: string | null;
  }[];
  /** Prizes won, newest last, with where each stands on its way to the member's wallet. */
  prizes: PrizeView[];
  points: number;
  status: {
    /** The level reached by stamps (held for good) or by a calendar year's qualifying points, whichever is higher. */
    level: string;
    stamps: number;
    /** The next level stamps reach above `level`. */
    next: { level: string; minStamps: number } | null;
    /**
     * Status by qualifying points: this calendar year's (UTC), the last day the level is held by points (YYYY-MM-DD;
     * null when stamps hold it), and the next level points reach with how many more this year. Absent when the
     * server built the snapshot without them.
     */
    qualifying?: { thisYear: number; until: string | null; next: { level: string; needs: number } | null };
  };
}

/** Sent to the one member who earned it, right after the ledger recorded it. */
export interface StampEarned {
  stampId: string;
  questId: string;
  earnedAt: number;
}
