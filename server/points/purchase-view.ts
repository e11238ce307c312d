import { desc, eq } from 'drizzle-orm';
import type { PurchaseView } from '../../shared/protocol/catalogue.ts';
import type { Db } from '../db/open.ts';
import { cataloguePurchases } from '../db/points-schema.ts';
import { outbox } from '../db/schema.ts';
import { deliveryState } from '../prizes/claims.ts';

type PurchaseRow = typeof cataloguePurchases.$inferSelect;
type DeliveryRow = Parameters<typeof deliveryState>[0];

/** A purchase as its member sees it, with its prize's delivery read from the outbox (or the row given). */
export async function purchaseView(
  db: Db,
  row: PurchaseRow,
  delivery?: DeliveryRow | null,
): Promise<PurchaseView> {
  let shown = delivery ?? null;
  if (!shown && row.outboxId !== null) {
    const [found] = await db
      .select({ status: outbox.status, custody: outbox.custody, recipient: outbox.recipient })
      .from(outbox)
      .where(eq(outbox.id, row.outboxId));
    shown = found ?? null;
  }
  return toPurchaseView(row, shown);
}

/** The view of a purchase row and its prize's outbox row, if any. */
export function toPurchaseView(row: PurchaseRow, delivery: DeliveryRow | null): PurchaseView {
  return {
    id: row.id,
    itemId: row.itemId,
    cost: row.cost,
    status: row.status,
    perkCode: row.perkCode,
    delivery: delivery ? deliveryState(delivery) : null,
    createdAt: row.createdAt.getTime(),
  };
}

/** The member's purchases, newest first, each with its prize's delivery. */
export async function listPurchases(db: Db, memberId: string, limit = 200): Promise<PurchaseView[]> {
  const rows = await db
    .select({
      purchase: cataloguePurchases,
      status: outbox.status,
      custody: outbox.custody,
      recipient: outbox.recipient,
    })
    .from(cataloguePurchases)
    .leftJoin(outbox, eq(outbox.id, cataloguePurchases.outboxId))
    .where(eq(cataloguePurchases.memberId, memberId))
    .orderBy(desc(cataloguePurchases.createdAt), desc(cataloguePurchases.id))
    .limit(limit);
  return rows.map((row) =>
    toPurchaseView(
      row.purchase,
      row.status === null ? null : { status: row.status, custody: row.custody, recipient: row.recipient },
    ),
  );
}
