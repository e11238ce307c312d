import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { type PerkSpec, perkSpecFor, perkSpecs } from '../../shared/content/perks.ts';
import type { PerkView } from '../../shared/protocol/perks.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { type PerkDetails, perkRedemptions, perks } from '../db/perks-schema.ts';
import { PERK_BRAND } from './brand.ts';
import { newPerkCode } from './code.ts';
import { takePoolCode } from './pools.ts';
import { perkViews } from './view.ts';

const HOUR_MS = 3_600_000;

export interface FulfilRedemptionParameters {
  memberId: string;
  prizeId: string;
  /** Units redeemed: one perk each. */
  amount: number;
  /** Idempotency key: `chain:<txHash>:<logIndex>` for an on-chain redemption, the caller's own for a held prize. */
  key: string;
}

export type FulfilRedemptionReturnType =
  | { ok: true; perks: PerkView[]; replayed: boolean }
  /** notRedeemable: the prize gives no perk (the Gold Pass); keyConflict: the key was used for another member or prize. */
  | { ok: false; refusal: 'notRedeemable' | 'keyConflict' };

/** Whether redeeming this prize gives a perk (the Gold Pass does not: holding it is the point). */
export function isRedeemable(prizeId: string, specs: readonly PerkSpec[] = perkSpecs): boolean {
  return perkSpecFor(prizeId, specs) !== undefined;
}

/**
 * Issues the perk(s) of one redemption in one transaction, once per `key`: a second call with the same key returns
 * the perks the first issued. A pooled perk whose pool ran dry is issued without its partner code; the next upload
 * gives it one (nothing redeemed is lost). Pass `db` to run inside the caller's transaction.
 */
export async function fulfilRedemption(
  ctx: Pick<AppContext, 'ledger' | 'clock'>,
  params: FulfilRedemptionParameters,
  options: { db?: Db; specs?: readonly PerkSpec[] } = {},
): Promise<FulfilRedemptionReturnType> {
  const spec = perkSpecFor(params.prizeId, options.specs);
  if (!spec) return { ok: false, refusal: 'notRedeemable' };
  if (!Number.isInteger(params.amount) || params.amount < 1 || params.amount > 100)
    throw new Error(`Layover: a redemption of ${params.amount} units`);
  const now = new Date(ctx.clock.now());
  const db = options.db ?? ctx.ledger.db;
  return db.transaction(async (tx) => {
    const [recorded] = await tx
      .insert(perkRedemptions)
      .values({
        key: params.key,
        memberId: params.memberId,
        prizeId: params.prizeId,
        amount: params.amount,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ key: perkRedemptions.key });
    if (!recorded) {
      const [earlier] = await tx.select().from(perkRedemptions).where(eq(perkRedemptions.key, params.key));
      if (!earlier || earlier.memberId !== params.memberId || earlier.prizeId !== params.prizeId)
        return { ok: false, refusal: 'keyConflict' } as const;
      return { ok: true, perks: await perksOfKey(tx, params.key, now), replayed: true } as const;
    }
    for (let unit = 0; unit < params.amount; unit++) {
      const id = randomUUID();
      const partnerCode = spec.kind === 'codePool' ? await takePoolCode(tx, spec.poolId, id) : null;
      const lasting = spec.kind === 'timedAccess' ? spec.hours * HOUR_MS : spec.validDays * 24 * HOUR_MS;
      await tx.insert(perks).values({
        id,
        memberId: params.memberId,
        prizeId: params.prizeId,
        kind: spec.kind,
        code: newPerkCode(),
        partnerCode,
        expiresAt: new Date(now.getTime() + lasting),
        details: detailsOf(spec),
        redemptionKey: params.key,
        unit,
        brand: PERK_BRAND,
        createdAt: now,
      });
    }
    return { ok: true, perks: await perksOfKey(tx, params.key, now), replayed: false } as const;
  });
}

async function perksOfKey(db: Db, key: string, now: Date): Promise<PerkView[]> {
  const rows = await db.select().from(perks).where(eq(perks.redemptionKey, key)).orderBy(asc(perks.unit));
  return perkViews(db, rows, now);
}

function detailsOf(spec: PerkSpec): PerkDetails {
  if (spec.kind === 'timedAccess') return { room: spec.room };
  if (spec.kind === 'codePool') return { poolId: spec.poolId };
  return {};
}
