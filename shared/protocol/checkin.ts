import { z } from 'zod';
import { PerkKind, PerkState } from './perks.ts';
import { LOCALES } from './sign-in.ts';

/** Lookups (and tries with an unknown code) one staff session may make per minute: guessing 80-bit codes stays hopeless. */
export const CHECKIN_LOOKUPS_PER_MINUTE = 30;

/**
 * Body of both check-in calls: the code as typed (any case, spaces, dashes) or the text a perk's QR carries, and the
 * staff member's language for the prize's name.
 */
export const CheckinBody = z.strictObject({
  code: z.string().min(1).max(200),
  locale: z.enum(LOCALES).default('en'),
});
export type CheckinBody = z.input<typeof CheckinBody>;

/** A perk as the desk sees it: what it is and whose it is (display name only: never an email or a wallet). */
export const CheckinPerk = z.strictObject({
  id: z.string(),
  /** The code in groups of four. */
  code: z.string(),
  prizeId: z.string(),
  /** The prize's name in the staff member's language. */
  prizeName: z.string(),
  /** What it gives, in the staff member's language. */
  perkText: z.string(),
  kind: PerkKind,
  /** `expired` also when the expiry passed before the expiry job marked it. */
  state: PerkState,
  /** Epoch ms. */
  expiresAt: z.number(),
  /** The member it belongs to, by display name. */
  ownerName: z.string(),
  /** Epoch ms; null until used. */
  usedAt: z.number().nullable(),
  /** The staff member who marked it used, by display name (null: unused, or that account is gone). */
  usedByName: z.string().nullable(),
});
export type CheckinPerk = z.infer<typeof CheckinPerk>;

/** POST /api/console/checkin/lookup: the perk behind a code. */
export const CheckinLookupResponse = z.strictObject({ perk: CheckinPerk });
export type CheckinLookupResponse = z.infer<typeof CheckinLookupResponse>;

/**
 * POST /api/console/checkin/use: `marked` for the one call that used it; `alreadyUsed` (with when and by whom in
 * `perk`) for every later one; `expired` when its time had passed.
 */
export const CheckinUseResponse = z.strictObject({
  result: z.enum(['marked', 'alreadyUsed', 'expired']),
  perk: CheckinPerk,
});
export type CheckinUseResponse = z.infer<typeof CheckinUseResponse>;

/** Refusals of the check-in calls (each translated in the console under `error.<code>`). */
export const CHECKIN_ERROR_CODES = ['invalidCode', 'unknownCode', 'wrongBrand', 'rateLimited'] as const;
export type CheckinErrorCode = (typeof CHECKIN_ERROR_CODES)[number];
