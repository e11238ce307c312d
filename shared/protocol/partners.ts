import { z } from 'zod';
import { cleanText } from '../text/clean-text.ts';
import { EmailAddress } from './sign-in.ts';

/** Every partner route sits under this prefix (signed with the partner's secret, except the OpenAPI document). */
export const PARTNER_API_PREFIX = '/api/partners/v1';

/** How far a signature's timestamp may be from the server's clock, either way. */
export const PARTNER_SIGNATURE_TOLERANCE_S = 300;

/** How far in the future an activity may say it happened (the partner's clock may run a little fast). */
export const ACTIVITY_FUTURE_TOLERANCE_MS = 5 * 60_000;
/** How old an activity may be when reported. */
export const ACTIVITY_MAX_AGE_MS = 365 * 86_400_000;

/** How a partner names the member: the brand login's external id, an email, or the member's number. */
export const PartnerMemberRef = z.union([
  z.strictObject({ externalId: z.string().trim().min(1).max(200) }),
  // The sign-in's own email schema: a credential's subject is normalised the same way.
  z.strictObject({ email: EmailAddress }),
  z.strictObject({
    memberNumber: z
      .string()
      .trim()
      .min(3)
      .max(20)
      .transform((number) => number.toUpperCase()),
  }),
]);
export type PartnerMemberRef = z.infer<typeof PartnerMemberRef>;

/** Body of POST /api/partners/v1/activities: one thing a member did at the partner. */
export const PartnerActivityBody = z.strictObject({
  /** The partner's kind of activity; its earning rule says what `units` are. */
  type: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes'),
  member: PartnerMemberRef,
  /** Miles, cents, nights: whatever the partner's earning rule counts. */
  units: z.number().int().min(0).max(10_000_000),
  /** When it happened (ISO 8601 with an offset): not more than 5 minutes ahead, not older than 365 days. */
  occurredAt: z.iso.datetime({ offset: true }),
  /** Shown to the member in their history. */
  description: z
    .string()
    .max(400)
    .transform(cleanText)
    .pipe(z.string().min(1, 'must have visible text').max(120)),
  /** The partner's own reference (a booking or receipt number). */
  reference: z.string().max(80).optional(),
});
export type PartnerActivityBody = z.infer<typeof PartnerActivityBody>;

/** Body of POST /api/partners/v1/erasure: drop the partner's unmatched activities naming this person. */
export const PartnerErasureBody = z.strictObject({ member: PartnerMemberRef });
export type PartnerErasureBody = z.infer<typeof PartnerErasureBody>;

/** Path parameters of the routes on one activity. */
export const PartnerActivityParams = z.strictObject({ id: z.string().min(1).max(64) });

/** Where an activity stands: credited to a member, waiting for one (90 days), reversed, or dropped. */
export const PartnerActivityStatus = z.enum(['credited', 'unmatched', 'reversed', 'dropped']);
export type PartnerActivityStatus = z.infer<typeof PartnerActivityStatus>;

/** What the partner API answers about one activity. */
export const PartnerActivityState = z.strictObject({
  id: z.string(),
  status: PartnerActivityStatus,
  /** Points the member got (or will get when matched; 0 when the rule gave none). */
  points: z.number().int(),
  type: z.string(),
  occurredAt: z.iso.datetime(),
  receivedAt: z.iso.datetime(),
  reversedAt: z.iso.datetime().nullable(),
});
export type PartnerActivityState = z.infer<typeof PartnerActivityState>;

/** What POST /api/partners/v1/erasure answers: how many waiting activities were dropped. */
export const PartnerErasureResult = z.strictObject({ dropped: z.number().int().min(0) });
export type PartnerErasureResult = z.infer<typeof PartnerErasureResult>;

/** An error answer: a code (listed in the OpenAPI document) and a developer-facing detail. */
export const PartnerApiError = z.strictObject({ error: z.string(), detail: z.string().optional() });

/** The error codes the partner API answers, by status. */
export const PARTNER_ERROR_CODES = {
  badRequest: 'invalidBody, invalidJson, idempotencyKeyRequired, occurredAtOutOfRange',
  unauthorized: 'unknownPartner, staleSignature, badSignature',
  notFound: 'activityNotFound, notFound',
  conflict: 'idempotencyConflict',
  tooLarge: 'bodyTooLarge',
  unprocessable: 'noEarningRule, reversalOverLimit, activityDropped',
} as const;

/** The webhook body Layover posts to a partner (signed like the partner's own calls; dedupe on `id`). */
export const PartnerWebhookEvent = z.strictObject({
  /** The event key, also in `X-Layover-Event-Id`: the same on every retry. */
  id: z.string(),
  type: z.string(),
  createdAt: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()),
});
export type PartnerWebhookEvent = z.infer<typeof PartnerWebhookEvent>;
