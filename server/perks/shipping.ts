import type { PerkView, ShippingBody } from '../../shared/protocol/perks.ts';
import type { Db } from '../db/open.ts';
import { perkShipping } from '../db/perks-schema.ts';
import { memberPerk } from './member-perks.ts';
import { perkView } from './view.ts';

/** Why a shipping form was not taken. */
export type ShippingRefusal = 'unknownPerk' | 'notPhysical' | 'perkExpired' | 'shippingSubmitted';

/**
 * Records where a member's physical perk goes, once: the form cannot be changed afterwards (the brand may already
 * have shipped). Another member's perk reads as unknown.
 */
export async function submitShipping(
  db: Db,
  params: { memberId: string; perkId: string; form: ShippingBody; now: Date },
): Promise<{ ok: true; perk: PerkView } | { ok: false; refusal: ShippingRefusal }> {
  const row = await memberPerk(db, params.memberId, params.perkId);
  if (!row) return { ok: false, refusal: 'unknownPerk' };
  if (row.kind !== 'physical') return { ok: false, refusal: 'notPhysical' };
  if (row.state !== 'ready' || row.expiresAt.getTime() <= params.now.getTime())
    return { ok: false, refusal: 'perkExpired' };
  const [stored] = await db
    .insert(perkShipping)
    .values({ perkId: row.id, ...params.form, submittedAt: params.now })
    .onConflictDoNothing()
    .returning({ submittedAt: perkShipping.submittedAt });
  if (!stored) return { ok: false, refusal: 'shippingSubmitted' };
  return { ok: true, perk: perkView(row, stored.submittedAt, params.now) };
}
