import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { PublicClient } from 'viem';
import type { Db } from '../../db/open.ts';
import { prizeIndexerBlocks, prizeIndexerCursor, prizeTransfers } from '../../db/perks-schema.ts';

/** The last block the indexer applied and its hash (null before the first block: nothing to compare). */
export interface IndexerCursor {
  number: bigint;
  hash: string | null;
}

/** Block hashes kept to find a fork point; older ones are pruned. */
export const KEPT_BLOCKS = 512n;

/** Another indexer moved the cursor first: this one drops its chunk (the other applied it). */
export class CursorMoved extends Error {
  constructor() {
    super('Layover: the prize indexer cursor moved under this process');
  }
}

/** The stored cursor, or undefined before the indexer's first chunk. */
export async function readCursor(db: Db, id: string): Promise<IndexerCursor | undefined> {
  const [row] = await db.select().from(prizeIndexerCursor).where(eq(prizeIndexerCursor.id, id));
  return row ? { number: row.blockNumber, hash: row.blockHash } : undefined;
}

/** Moves the cursor from `from` to `to` only if it still is at `from` (compare-and-set); throws CursorMoved if not. */
export async function advanceCursor(
  db: Db,
  id: string,
  from: IndexerCursor,
  to: { number: bigint; hash: string },
  seen: ReadonlyMap<bigint, string>,
): Promise<void> {
  const moved =
    from.hash === null
      ? await db
          .insert(prizeIndexerCursor)
          .values({ id, blockNumber: to.number, blockHash: to.hash })
          .onConflictDoNothing()
          .returning({ id: prizeIndexerCursor.id })
      : await db
          .update(prizeIndexerCursor)
          .set({ blockNumber: to.number, blockHash: to.hash })
          .where(
            and(
              eq(prizeIndexerCursor.id, id),
              eq(prizeIndexerCursor.blockNumber, from.number),
              eq(prizeIndexerCursor.blockHash, from.hash),
            ),
          )
          .returning({ id: prizeIndexerCursor.id });
  if (moved.length === 0) throw new CursorMoved();
  const blocks = new Map(seen).set(to.number, to.hash);
  const rows = [...blocks].map(([blockNumber, blockHash]) => ({
    cursorId: id,
    blockNumber,
    blockHash,
  }));
  await db
    .insert(prizeIndexerBlocks)
    .values(rows)
    .onConflictDoUpdate({
      target: [prizeIndexerBlocks.cursorId, prizeIndexerBlocks.blockNumber],
      set: { blockHash: sql`excluded.block_hash` },
    });
  await db
    .delete(prizeIndexerBlocks)
    .where(
      and(eq(prizeIndexerBlocks.cursorId, id), lt(prizeIndexerBlocks.blockNumber, to.number - KEPT_BLOCKS)),
    );
}

/** Recorded blocks, newest first, to compare with the chain when looking for the fork point. */
export async function recordedBlocks(db: Db, id: string): Promise<{ number: bigint; hash: string }[]> {
  const rows = await db
    .select()
    .from(prizeIndexerBlocks)
    .where(eq(prizeIndexerBlocks.cursorId, id))
    .orderBy(desc(prizeIndexerBlocks.blockNumber));
  return rows.map((row) => ({ number: row.blockNumber, hash: row.blockHash }));
}

/**
 * Rolls the indexer back to `fork` (the newest recorded block still on the chain): transfers above it and their
 * block hashes go, the cursor points at it. Perks already issued stay (their key is the log, so a redemption
 * re-mined in a later block is not issued twice).
 */
export async function rollBackTo(db: Db, id: string, fork: IndexerCursor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(prizeTransfers).where(gt(prizeTransfers.blockNumber, fork.number));
    await rewindCursor(tx, id, fork);
  });
}

/**
 * Points cursor `id` back at `fork`, inside the caller's rollback transaction: block hashes recorded above it go, and
 * a fork before any recorded block (hash null) removes the cursor, so indexing restarts from the first block.
 */
export async function rewindCursor(tx: Db, id: string, fork: IndexerCursor): Promise<void> {
  await tx
    .delete(prizeIndexerBlocks)
    .where(and(eq(prizeIndexerBlocks.cursorId, id), gt(prizeIndexerBlocks.blockNumber, fork.number)));
  if (fork.hash === null) await tx.delete(prizeIndexerCursor).where(eq(prizeIndexerCursor.id, id));
  else
    await tx
      .update(prizeIndexerCursor)
      .set({ blockNumber: fork.number, blockHash: fork.hash })
      .where(eq(prizeIndexerCursor.id, id));
}

/** The hash of block `number` on the chain now; undefined before block 0 or past the head (a reorg shortened it). */
export async function hashAt(client: PublicClient, number: bigint): Promise<string | undefined> {
  if (number < 0n) return undefined;
  try {
    return (await client.getBlock({ blockNumber: number })).hash ?? undefined;
  } catch {
    return undefined; // past the head after a reorg shortened the chain
  }
}

/** The newest recorded block of cursor `id` whose hash the chain still has; before `fromBlock` when none does. */
export async function findFork(
  db: Db,
  id: string,
  client: PublicClient,
  fromBlock: bigint,
): Promise<IndexerCursor> {
  for (const block of await recordedBlocks(db, id))
    if ((await hashAt(client, block.number)) === block.hash) return block;
  return { number: fromBlock - 1n, hash: null };
}

/** Waits `ms`, or less when `signal` aborts (at once when it already has). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
