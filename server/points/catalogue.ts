import { and, count, eq, ne } from 'drizzle-orm';
import { type CatalogueItem, catalogue } from '../../shared/content/catalogue.ts';
import type { CatalogueView } from '../../shared/protocol/catalogue.ts';
import type { Db } from '../db/open.ts';
import { cataloguePurchases, catalogueStock } from '../db/points-schema.ts';
import { balanceOf, memberAccount } from './ledger.ts';

/**
 * The catalogue as one member sees it: each item's units left (null when unlimited), how many they hold (refunds
 * not counted) and whether their balance pays for it. Names and rewards stay content, read by id in the lounge.
 */
export async function catalogueView(
  db: Db,
  memberId: string,
  items: readonly CatalogueItem[] = catalogue,
): Promise<CatalogueView> {
  const [balance, stock, mine] = await Promise.all([
    balanceOf(db, memberAccount(memberId)),
    db.select().from(catalogueStock),
    db
      .select({ itemId: cataloguePurchases.itemId, n: count() })
      .from(cataloguePurchases)
      .where(and(eq(cataloguePurchases.memberId, memberId), ne(cataloguePurchases.status, 'refunded')))
      .groupBy(cataloguePurchases.itemId),
  ]);
  const sold = new Map(stock.map((row) => [row.itemId, row.sold]));
  const bought = new Map(mine.map((row) => [row.itemId, row.n]));
  return {
    balance,
    items: items.map((item) => ({
      id: item.id,
      cost: item.cost,
      left: item.stock === null ? null : Math.max(item.stock - (sold.get(item.id) ?? 0), 0),
      perMemberLimit: item.perMemberLimit,
      bought: bought.get(item.id) ?? 0,
      affordable: balance >= item.cost,
    })),
  };
}
