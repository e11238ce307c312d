import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { cataloguePurchases, catalogueStock } from '../db/points-schema.ts';
import { outbox } from '../db/schema.ts';
import { CATALOGUE_ACCOUNT, lockMember, memberAccount, postMovement } from './ledger.ts';
import { notifyPointsChanged } from './notify.ts';

/** Purchases looked at per sweep. */
const BATCH = 100;

/** What one sweep did. */
export interface RefundSweep {
  refunded: string[];
  fulfilled: string[];
}

/**
 * Settles pending prize purchases by their outbox row: delivered -> fulfilled; failed (the mint was refused, the
 * prize ran out on chain, or a hold nobody kept went back to supply) -> refunded: the points come back
 * (`refund:<purchaseId>`, the catalogue pays the member), the unit goes back to stock. Each purchase is refunded at
 * most once, whichever process sweeps (the member's row is locked and the status re-read under it).
 */
export async function refundFailedPurchases(
  ctx: Pick<AppContext, 'ledger' | 'presence' | 'logger' | 'clock' | 'content'>,
  now: Date,
): Promise<RefundSweep> {
  const db = ctx.ledger.db;
  // Driven from the pending purchases (a partial index holds them), never from every delivered mint.
  const fulfilled = await db
    .update(cataloguePurchases)
    .set({ status: 'fulfilled', updatedAt: now })
    .from(outbox)
    .where(
      and(
        eq(outbox.id, cataloguePurchases.outboxId),
        eq(cataloguePurchases.status, 'pending'),
        eq(outbox.status, 'delivered'),
      ),
    )
    .returning({ id: cataloguePurchases.id, memberId: cataloguePurchases.memberId });
  const failed = await db
    .select({ id: cataloguePurchases.id, memberId: cataloguePurchases.memberId })
    .from(cataloguePurchases)
    .innerJoin(outbox, eq(outbox.id, cataloguePurchases.outboxId))
    .where(and(eq(cataloguePurchases.status, 'pending'), eq(outbox.status, 'failed')))
    .limit(BATCH);
  const refunded: string[] = [];
  for (const candidate of failed) {
    if (await refundOne(ctx, candidate.id, candidate.memberId, now)) refunded.push(candidate.id);
  }
  const told = new Set([...fulfilled.map((row) => row.memberId), ...failed.map((row) => row.memberId)]);
  for (const memberId of told) await notifyPointsChanged(ctx, memberId);
  return { refunded, fulfilled: fulfilled.map((row) => row.id) };
}

/** Refunds one purchase if it is still pending with a failed mint; false when another sweep got there first. */
async function refundOne(
  ctx: Pick<AppContext, 'ledger'>,
  purchaseId: string,
  memberId: string,
  now: Date,
): Promise<boolean> {
  return ctx.ledger.db.transaction(async (tx) => {
    if (!(await lockMember(tx, memberId))) return false;
    const [row] = await tx
      .select()
      .from(cataloguePurchases)
      .where(and(eq(cataloguePurchases.id, purchaseId), eq(cataloguePurchases.status, 'pending')));
    if (!row) return false;
    const posted = await postMovement(tx, {
      key: `refund:${purchaseId}`,
      kind: 'refund',
      reason: { code: 'refund', params: { item: row.itemId } },
      at: now,
      entries: [
        { account: CATALOGUE_ACCOUNT, amount: -row.cost },
        { account: memberAccount(memberId), amount: row.cost },
      ],
      source: row.itemId,
    });
    await tx
      .update(cataloguePurchases)
      .set({ status: 'refunded', updatedAt: now })
      .where(eq(cataloguePurchases.id, purchaseId));
    if (posted.posted)
      await tx
        .update(catalogueStock)
        .set({ sold: sql`GREATEST(${catalogueStock.sold} - 1, 0)` })
        .where(eq(catalogueStock.itemId, row.itemId));
    return posted.posted;
  });
}
