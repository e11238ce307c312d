import { z } from 'zod';
import { prizes } from './prizes.ts';
import { ContentError } from './quest-schema.ts';

const prizeId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a prize id');
/** Days a perk stays usable after it is issued; then it is `expired`. */
const validDays = z.number().int().min(1).max(3650);

/**
 * What redeeming a prize gives. Every perk carries a one-time code the brand's desk checks in; a pooled perk also
 * carries a partner's code from the brand's upload, a timed access opens a gated room until it expires, and a
 * physical perk asks the member for a shipping address.
 */
export const PerkSpec = z.discriminatedUnion('kind', [
  z.strictObject({ prizeId, kind: z.literal('generatedCode'), validDays }),
  z.strictObject({
    prizeId,
    kind: z.literal('codePool'),
    /** The pool the console uploads codes into (POST /api/console/perk-pools). */
    poolId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    validDays,
  }),
  z.strictObject({
    prizeId,
    kind: z.literal('timedAccess'),
    /** A gated room (shared/content/gates.ts) the perk opens from its redemption for `hours`. */
    room: z.string().min(1),
    hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 365),
  }),
  z.strictObject({ prizeId, kind: z.literal('physical'), validDays }),
]);
export type PerkSpec = z.infer<typeof PerkSpec>;

const FILE = 'shared/content/perks.ts';

/** Checks a perk list: each names a known prize, at most once; throws a ContentError naming the first fault. */
export function parsePerkSpecs(items: unknown[], prizeIds: readonly string[]): PerkSpec[] {
  const seen = new Set<string>();
  return items.map((item, index) => {
    const parsed = PerkSpec.safeParse(item);
    if (!parsed.success) {
      const fields = parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ');
      throw new ContentError(`Layover: bad perk #${index} in ${FILE}: ${fields}`);
    }
    const spec = parsed.data;
    if (!prizeIds.includes(spec.prizeId))
      throw new ContentError(`Layover: perk #${index} in ${FILE} names unknown prize "${spec.prizeId}"`);
    if (seen.has(spec.prizeId))
      throw new ContentError(`Layover: prize "${spec.prizeId}" has two perks in ${FILE}`);
    seen.add(spec.prizeId);
    return spec;
  });
}

/**
 * The brand's perks by prize. The Gold Pass has none: it is not redeemed, holding it opens VIP. The lounge day pass
 * opens VIP for 24 hours (and its code works at a partner lounge's desk); the upgrade voucher is a code for the desk.
 */
export const perkSpecs: readonly PerkSpec[] = parsePerkSpecs(
  [
    { prizeId: 'lounge-day-pass', kind: 'timedAccess', room: 'vip', hours: 24 },
    { prizeId: 'upgrade-voucher', kind: 'generatedCode', validDays: 30 },
  ],
  prizes.map((prize) => prize.id),
);

/** The perk a prize gives when redeemed; undefined for a prize that is not redeemed for anything. */
export function perkSpecFor(id: string, specs: readonly PerkSpec[] = perkSpecs): PerkSpec | undefined {
  return specs.find((spec) => spec.prizeId === id);
}
