import { z } from 'zod';

/**
 * Why a member's points moved, as a code the lounge translates; params hold ids the client maps to names:
 * quest {quest}, earn {rule}, partner / partnerReversal {partner, description}, purchase / refund {item},
 * expiry {}, adjustment {note}, merge {}, opening {} (the balance carried over from before the ledger).
 */
export const PointsReasonCode = z.enum([
  'opening',
  'quest',
  'earn',
  'partner',
  'partnerReversal',
  'purchase',
  'refund',
  'expiry',
  'adjustment',
  'merge',
]);
export type PointsReasonCode = z.infer<typeof PointsReasonCode>;

/** A movement's reason as the member reads it: the code and its parameters (ids, a partner's text, a note). */
export const PointsReasonView = z.strictObject({
  code: PointsReasonCode,
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type PointsReasonView = z.infer<typeof PointsReasonView>;

/** One line of a member's points history: what moved their balance, by how much (signed), and when. */
export const PointsHistoryLine = z.strictObject({
  /** The movement's id; pass the last one as `?before=` for the next page. */
  id: z.number().int(),
  /** Epoch ms. */
  at: z.number(),
  amount: z.number().int(),
  reason: PointsReasonView,
  /** What earned or spent it (quest id, rule id, catalogue item id, activity type), for grouping. */
  source: z.string(),
  partnerId: z.string().nullable(),
});
export type PointsHistoryLine = z.infer<typeof PointsHistoryLine>;

/** Points about to expire: how many, and on which day (ISO date, UTC). */
export const PointsExpiring = z.strictObject({
  amount: z.number().int().positive(),
  on: z.iso.date(),
});
export type PointsExpiring = z.infer<typeof PointsExpiring>;

/** GET /api/points: the member's balance, number for partner desks, next expiry and a page of history. */
export const PointsSummary = z.strictObject({
  /** May be negative, down to a partner's limit, after a partner reversed points already spent. */
  balance: z.number().int(),
  /** The number a member gives a partner's desk (`LO` + digits). */
  memberNumber: z.string(),
  expiring: PointsExpiring.nullable(),
  history: z.array(PointsHistoryLine),
  /** The `?before=` for the next page, or null at the first movement. */
  nextBefore: z.number().int().nullable(),
});
export type PointsSummary = z.infer<typeof PointsSummary>;

/** Query of GET /api/points: a history page ending before a movement id. */
export const PointsHistoryQuery = z.strictObject({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PointsHistoryQuery = z.infer<typeof PointsHistoryQuery>;
