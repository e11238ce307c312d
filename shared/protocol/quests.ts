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
    /** `pending` until the oracle has minted the soulbound token. */
    chain: 'pending' | 'minted';
  }[];
  points: number;
  status: { level: string; stamps: number; next: { level: string; minStamps: number } | null };
}

/** Sent to the one member who earned it, right after the ledger recorded it. */
export interface StampEarned {
  stampId: string;
  questId: string;
  earnedAt: number;
}
