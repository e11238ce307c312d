import { and, eq, gt } from 'drizzle-orm';
import { nftTokenTiers, nftTransfers } from '../../db/nft-index-schema.ts';
import type { Db } from '../../db/open.ts';
import { type IndexerCursor, rewindCursor } from './cursor.ts';
import type { NftTransferLog, TierLog } from './nft-logs.ts';

/** The cursor of one followed contract (kept beside the prize indexer's, under its own id). */
export const nftCursorId = (contract: string) => `nft:${contract.toLowerCase()}`;

/** Writes one chunk's logs of `contract`; a log already written (a replay) is left as it is. */
export async function storeNftLogs(
  db: Db,
  contract: string,
  logs: (NftTransferLog | TierLog)[],
): Promise<void> {
  const address = contract.toLowerCase();
  // A busy range (one large TransferBatch) can hold thousands of rows: PostgreSQL takes at most 65,535 parameters.
  for (let at = 0; at < logs.length; at += STORE_SLICE)
    await storeSlice(db, address, logs.slice(at, at + STORE_SLICE));
}

/** Rows per INSERT: 9 columns each keeps a statement well under PostgreSQL's 65,535 parameters. */
export const STORE_SLICE = 1_000;

async function storeSlice(db: Db, address: string, logs: (NftTransferLog | TierLog)[]): Promise<void> {
  const transfers = logs.filter((log): log is NftTransferLog => log.kind === 'transfer');
  const tiers = logs.filter((log): log is TierLog => log.kind === 'tier');
  if (transfers.length > 0)
    await db
      .insert(nftTransfers)
      .values(
        transfers.map((log) => ({
          contract: address,
          txHash: log.txHash,
          logIndex: log.logIndex,
          item: log.item,
          blockNumber: log.blockNumber,
          tokenId: log.tokenId.toString(),
          fromAddress: log.from.toLowerCase(),
          toAddress: log.to.toLowerCase(),
          amount: log.amount.toString(),
        })),
      )
      .onConflictDoNothing();
  if (tiers.length > 0)
    await db
      .insert(nftTokenTiers)
      .values(
        tiers.map((log) => ({
          contract: address,
          txHash: log.txHash,
          logIndex: log.logIndex,
          blockNumber: log.blockNumber,
          tokenId: log.tokenId.toString(),
          tier: log.tier,
        })),
      )
      .onConflictDoNothing();
}

/** Rolls one contract's index back to `fork`: its rows above it and their block hashes go, the cursor points at it. */
export async function rollBackNftIndex(db: Db, contract: string, fork: IndexerCursor): Promise<void> {
  const address = contract.toLowerCase();
  const id = nftCursorId(address);
  await db.transaction(async (tx) => {
    await tx
      .delete(nftTransfers)
      .where(and(eq(nftTransfers.contract, address), gt(nftTransfers.blockNumber, fork.number)));
    await tx
      .delete(nftTokenTiers)
      .where(and(eq(nftTokenTiers.contract, address), gt(nftTokenTiers.blockNumber, fork.number)));
    await rewindCursor(tx, id, fork);
  });
}
