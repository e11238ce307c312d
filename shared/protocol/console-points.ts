import { z } from 'zod';
import { cleanText } from '../text/clean-text.ts';

/** The largest manual adjustment one operator may make in one go, either way. */
export const ADJUSTMENT_MAX = 100_000;
/** How many UTC days the summary covers at most (a year and a bit). */
export const SUMMARY_DAYS_MAX = 400;
/** The most activities one activity-log page shows. */
export const ACTIVITY_LOG_LIMIT = 100;

/** Query of GET /api/console/points/summary: how many UTC days back, today included. */
export const PointsSummaryQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(SUMMARY_DAYS_MAX).default(30),
});
export type PointsSummaryQuery = z.infer<typeof PointsSummaryQuery>;

/** What members hold: the brand owes these points (its liability). */
export const PointsLiability = z.strictObject({
  /** The sum of every member's balance (negative balances included). */
  outstanding: z.number().int(),
  /** Members with a balance above zero. */
  members: z.number().int(),
  /** Members below zero (a partner reversed points they had already spent), and their total (<= 0). */
  negativeMembers: z.number().int(),
  negativeTotal: z.number().int(),
});
export type PointsLiability = z.infer<typeof PointsLiability>;

/** Points members gained (`earned`) and lost (`burned`) on one UTC day, for one group. */
const DayFigures = { day: z.iso.date(), earned: z.number().int(), burned: z.number().int() };

/** GET /api/console/points/summary: liability now, and earn/burn per UTC day in total, by source and by partner. */
export const ConsolePointsSummary = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  liability: PointsLiability,
  /** Every day from `from` to `to`, zeros included, oldest first. */
  daily: z.array(z.strictObject(DayFigures)),
  /** Days with movements, by the movement's kind (quest, earn, partner, purchase, refund, expiry, adjustment...). */
  bySource: z.array(z.strictObject({ ...DayFigures, kind: z.string() })),
  /** Days with a partner's movements (its activities and reversals, transfers to its program), by partner. */
  byPartner: z.array(z.strictObject({ ...DayFigures, partnerId: z.string(), partnerName: z.string() })),
});
export type ConsolePointsSummary = z.infer<typeof ConsolePointsSummary>;

/** A partner's id: a slug the partner sends in X-Layover-Partner. */
export const PartnerSlug = z
  .string()
  .min(3)
  .max(40)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lower-case letters, digits and inner hyphens');

/** POST /api/console/partners: registers a partner; the answer shows its signing secret once. */
export const CreatePartnerBody = z.strictObject({
  id: PartnerSlug,
  name: z.string().max(240).transform(cleanText).pipe(z.string().min(1).max(60)),
  /** How far below zero a reversal of this partner's activity may take a member. */
  negativeLimit: z.number().int().min(0).max(1_000_000),
  webhookUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullish()
    .transform((url) => url ?? null),
});
export type CreatePartnerBody = z.input<typeof CreatePartnerBody>;

/** A partner as the console lists it: never its secret. */
export const ConsolePartner = z.strictObject({
  id: z.string(),
  name: z.string(),
  negativeLimit: z.number().int(),
  webhookUrl: z.string().nullable(),
  active: z.boolean(),
  /** Epoch ms. */
  createdAt: z.number(),
});
export type ConsolePartner = z.infer<typeof ConsolePartner>;

/** GET /api/console/partners. */
export const ConsolePartnersResponse = z.strictObject({ partners: z.array(ConsolePartner) });
export type ConsolePartnersResponse = z.infer<typeof ConsolePartnersResponse>;

/** The answer to creating a partner or rotating its key: the secret, shown this once and never again. */
export const PartnerSecretResponse = z.strictObject({ partner: ConsolePartner, secret: z.string() });
export type PartnerSecretResponse = z.infer<typeof PartnerSecretResponse>;

/** Where a partner activity stands. */
export const ActivityStatus = z.enum(['credited', 'unmatched', 'reversed', 'dropped']);
export type ActivityStatus = z.infer<typeof ActivityStatus>;

/** Query of GET /api/console/partners/:id/activities: one status, or all. */
export const PartnerActivitiesQuery = z.strictObject({ status: ActivityStatus.optional() });

/** One activity in a partner's log: the member by display name (null while unmatched), never their email. */
export const ConsoleActivity = z.strictObject({
  id: z.string(),
  type: z.string(),
  status: ActivityStatus,
  points: z.number().int(),
  description: z.string(),
  member: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  occurredAt: z.number(),
  receivedAt: z.number(),
  reversedAt: z.number().nullable(),
});
export type ConsoleActivity = z.infer<typeof ConsoleActivity>;

/** GET /api/console/partners/:id/activities: newest first, at most ACTIVITY_LOG_LIMIT. */
export const ConsoleActivitiesResponse = z.strictObject({ activities: z.array(ConsoleActivity) });
export type ConsoleActivitiesResponse = z.infer<typeof ConsoleActivitiesResponse>;

/** POST /api/console/points/adjustments: a manual credit (> 0) or debit (< 0), once per adjustmentId. */
export const AdjustmentBody = z.strictObject({
  memberId: z.string().min(1).max(64),
  amount: z
    .number()
    .int()
    .min(-ADJUSTMENT_MAX)
    .max(ADJUSTMENT_MAX)
    .refine((amount) => amount !== 0, 'must not be 0'),
  /** Why: kept on the movement and shown to the member in their history. */
  note: z.string().max(800).transform(cleanText).pipe(z.string().min(3).max(200)),
  /** Made by the form once; sending it again never adjusts twice. */
  adjustmentId: z.uuid(),
});
export type AdjustmentBody = z.input<typeof AdjustmentBody>;

/** The answer to an adjustment: `posted: false` when this adjustmentId had been posted already. */
export const AdjustmentResponse = z.strictObject({
  posted: z.boolean(),
  movementId: z.number().int(),
  /** The member's balance after it. */
  balance: z.number().int(),
});
export type AdjustmentResponse = z.infer<typeof AdjustmentResponse>;
