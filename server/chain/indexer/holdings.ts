import { eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import { prizeTransfers } from '../../db/perks-schema.ts';

/**
 * What an address holds of each prize token, as the indexer's confirmed transfers say (received minus sent): where
 * tokens are without a chain read. Only token ids with a non-zero balance are listed.
 */
export async function prizeHoldings(db: Db, address: string): Promise<Map<number, number>> {
  const holder = address.toLowerCase();
  const rows = await db
    .select({
      tokenId: prizeTransfers.tokenId,
      balance: sql<string>`sum(CASE WHEN ${prizeTransfers.toAddress} = ${holder} THEN ${prizeTransfers.amount} ELSE 0 END)
        - sum(CASE WHEN ${prizeTransfers.fromAddress} = ${holder} THEN ${prizeTransfers.amount} ELSE 0 END)`,
    })
    .from(prizeTransfers)
    .where(or(eq(prizeTransfers.toAddress, holder), eq(prizeTransfers.fromAddress, holder)))
    .groupBy(prizeTransfers.tokenId);
  return new Map(
    rows.map((row) => [row.tokenId, Number(row.balance)] as const).filter(([, balance]) => balance !== 0),
  );
}
