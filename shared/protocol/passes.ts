import { z } from 'zod';

/**
 * Where a member's LoungePass stands: `held` in the ledger until they link a wallet, `minting` on its way to the
 * chain, `wallet` in their wallet, `failed` when the chain refused it (staff look).
 */
export const PassPlace = z.enum(['held', 'minting', 'wallet', 'failed']);
export type PassPlace = z.infer<typeof PassPlace>;

/** One reason the member holds their pass (a status reached, a brand grant, a partner activity). */
export const PassGrantView = z.strictObject({
  ruleId: z.string(),
  source: z.enum(['status', 'console', 'partner']),
  tier: z.number().int().min(1).max(3),
  at: z.number().int(),
});
export type PassGrantView = z.infer<typeof PassGrantView>;

/** The member's one LoungePass: the tier the rules give, the tier on chain, where the token is, and why. */
export const MemberPassView = z.strictObject({
  tier: z.number().int().min(1).max(3),
  /** The tier the chain shows now (lower than `tier` while an upgrade is on its way). */
  chainTier: z.number().int().min(1).max(3).nullable(),
  place: PassPlace,
  /** Decimal token id once minted. */
  tokenId: z.string().nullable(),
  grants: z.array(PassGrantView),
});
export type MemberPassView = z.infer<typeof MemberPassView>;

/** GET /api/members/me/pass: the member's pass, or null when no rule gave them one yet. */
export const MemberPassResponse = z.strictObject({ pass: MemberPassView.nullable() });
export type MemberPassResponse = z.infer<typeof MemberPassResponse>;

/** POST /api/console/passes/grants (admins): apply a console pass rule to one member, once. */
export const ConsolePassGrantBody = z.strictObject({
  memberId: z.string().min(1).max(64),
  /** A rule of shared/content/pass-rules.ts with `when: 'console'`. */
  ruleId: z.string().min(1).max(48),
  /** Why staff grant it; kept in the account audit. */
  note: z.string().trim().min(1).max(200),
});
export type ConsolePassGrantBody = z.infer<typeof ConsolePassGrantBody>;

/** The grant's answer: whether it applied now (false: this member had this rule already) and the pass after it. */
export const ConsolePassGrantResponse = z.strictObject({ applied: z.boolean(), pass: MemberPassView });
export type ConsolePassGrantResponse = z.infer<typeof ConsolePassGrantResponse>;

/** Refusal codes of the pass routes (the console translates them). */
export const PassErrorCode = z.enum(['unknownPassRule', 'memberNotFound', 'invalidPassGrant']);
export type PassErrorCode = z.infer<typeof PassErrorCode>;
