import type {
  DeliveryState,
  DeliveryUpdate,
  PrizeView,
  QuestsSnapshot,
} from '../../shared/protocol/quests.ts';

/** States in which a transaction hash, if any, is no longer the reward's: it waits to be sent again. */
const UNSENT: ReadonlySet<DeliveryState> = new Set(['held', 'queued']);

function nextHash(state: DeliveryState, sent: string | null, known: string | null): string | null {
  if (sent) return sent;
  return UNSENT.has(state) ? null : known;
}

/** Adds a prize just won, or replaces the one with its claim id (a retried message is not a second prize). */
export function applyPrizeWon(snapshot: QuestsSnapshot, prize: PrizeView): QuestsSnapshot {
  const prizes = snapshot.prizes ?? [];
  const index = prizes.findIndex((candidate) => candidate.claimId === prize.claimId);
  const next = index === -1 ? [...prizes, prize] : prizes.with(index, prize);
  return { ...snapshot, prizes: next };
}

/**
 * Moves one stamp token or prize along its way to the wallet. A prize the snapshot does not know yet (the update
 * overtook `prizeWon`) is added with `now` as its win time; a stamp it does not know is left for the next snapshot.
 */
export function applyDelivery(snapshot: QuestsSnapshot, update: DeliveryUpdate, now: number): QuestsSnapshot {
  if (update.kind === 'stamp') {
    if (!snapshot.stamps.some((stamp) => stamp.stampId === update.itemId)) return snapshot;
    const stamps = snapshot.stamps.map((stamp) =>
      stamp.stampId === update.itemId
        ? { ...stamp, chain: update.state, txHash: nextHash(update.state, update.txHash, stamp.txHash) }
        : stamp,
    );
    return { ...snapshot, stamps };
  }
  const prizes = snapshot.prizes ?? [];
  const known = prizes.find((prize) => prize.claimId === update.claimId);
  const moved: PrizeView = known
    ? {
        ...known,
        state: update.state,
        txHash: nextHash(update.state, update.txHash, known.txHash),
        to: update.to ?? known.to,
      }
    : {
        claimId: update.claimId,
        prizeId: update.itemId,
        source: '',
        wonAt: now,
        state: update.state,
        txHash: update.txHash,
        to: update.to,
      };
  return applyPrizeWon(snapshot, moved);
}
