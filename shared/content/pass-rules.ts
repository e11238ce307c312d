import { z } from 'zod';
import { statusLevels } from './status.ts';

/** LoungePass tiers on chain: 1 Silver, 2 Gold, 3 Platinum. */
export const PassTier = { silver: 1, gold: 2, platinum: 3 } as const;

/** A tier as the contract takes it. */
export const PassTierNumber = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type PassTierNumber = z.infer<typeof PassTierNumber>;

const ruleId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,47}$/, 'lowercase letters, digits and dashes');

/**
 * Why a member gets a LoungePass of a tier: a status level reached (or a higher one), a grant staff give from the
 * console, or a partner's activity of a type (credited to the member). Each rule applies to a member once; a member
 * holds one pass, at the highest tier any of their rules gave.
 */
export const PassRule = z.discriminatedUnion('when', [
  z.strictObject({ id: ruleId, when: z.literal('status'), level: z.string().min(1), tier: PassTierNumber }),
  z.strictObject({ id: ruleId, when: z.literal('console'), tier: PassTierNumber }),
  z.strictObject({
    id: ruleId,
    when: z.literal('partner'),
    partnerId: z.string().min(1),
    activityType: z.string().min(1),
    tier: PassTierNumber,
  }),
]);
export type PassRule = z.infer<typeof PassRule>;

/** Validates the rules at import: ids unique, status levels known; a bad rule throws naming the rule and field. */
export function parsePassRules(rules: unknown, levels: readonly { id: string }[] = statusLevels): PassRule[] {
  const parsed = z.array(PassRule).safeParse(rules);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Layover: invalid pass rules in shared/content/pass-rules.ts\n${lines.join('\n')}`);
  }
  const seen = new Set<string>();
  for (const rule of parsed.data) {
    if (seen.has(rule.id)) throw new Error(`Layover: pass rule "${rule.id}" is listed twice`);
    seen.add(rule.id);
    if (rule.when === 'status' && !levels.some((level) => level.id === rule.level))
      throw new Error(`Layover: pass rule "${rule.id}" names unknown status level "${rule.level}"`);
  }
  return parsed.data;
}

/** The brand's pass rules. Edit here: a status level (or higher) reached, a console grant, a partner activity. */
export const passRules: readonly PassRule[] = parsePassRules([
  { id: 'frequent-flyer-silver', when: 'status', level: 'frequent-flyer', tier: PassTier.silver },
  { id: 'jetsetter-gold', when: 'status', level: 'jetsetter', tier: PassTier.gold },
  { id: 'brand-silver', when: 'console', tier: PassTier.silver },
  { id: 'brand-gold', when: 'console', tier: PassTier.gold },
  { id: 'brand-platinum', when: 'console', tier: PassTier.platinum },
  {
    id: 'lumen-hotels-stay',
    when: 'partner',
    partnerId: 'lumen-hotels',
    activityType: 'stay',
    tier: PassTier.silver,
  },
]);

/** A rule by id, or undefined. */
export function passRuleById(id: string): PassRule | undefined {
  return passRules.find((rule) => rule.id === id);
}
