import { and, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { type Hex, type PublicClient, parseEventLogs, TransactionReceiptNotFoundError } from 'viem';
import { loungePassAbi } from '../../contracts/abi/LoungePass.ts';
import type { Db } from '../db/open.ts';
import { memberPasses } from '../db/passes-schema.ts';
import { outbox } from '../db/schema.ts';

/**
 * Reads the token id of every pass whose mint is on chain (delivered) but not known yet, from the mint's receipt
 * (PassMinted to the row's recipient). Returns how many were learned.
 */
export async function learnTokenIds(db: Db, client: PublicClient): Promise<number> {
  const pending = await db
    .select({ memberId: memberPasses.memberId, txHash: outbox.txHash, recipient: outbox.recipient })
    .from(memberPasses)
    .innerJoin(outbox, eq(outbox.id, memberPasses.mintOutboxId))
    .where(and(isNull(memberPasses.tokenId), eq(outbox.status, 'delivered'), isNotNull(outbox.txHash)));
  let learned = 0;
  for (const row of pending) {
    const receipt = await client
      .getTransactionReceipt({ hash: row.txHash as Hex })
      .catch((error: unknown) =>
        error instanceof TransactionReceiptNotFoundError ? null : Promise.reject(error),
      );
    if (!receipt) continue;
    const minted = parseEventLogs({ abi: loungePassAbi, eventName: 'PassMinted', logs: receipt.logs }).find(
      (log) => log.args.to.toLowerCase() === row.recipient?.toLowerCase(),
    );
    if (!minted) continue;
    await db
      .update(memberPasses)
      .set({ tokenId: minted.args.tokenId.toString(), updatedAt: new Date() })
      .where(and(eq(memberPasses.memberId, row.memberId), isNull(memberPasses.tokenId)));
    learned += 1;
  }
  return learned;
}

/**
 * Queues one `setTier` outbox row for each minted pass whose rules now give a higher tier than the chain was asked
 * for; the conditional update on chain_tier makes it once per raise, whoever runs it. Returns how many were queued.
 */
export async function queueTierChanges(db: Db, now: Date): Promise<number> {
  const behind = await db
    .select()
    .from(memberPasses)
    .where(and(isNotNull(memberPasses.tokenId), lt(memberPasses.chainTier, memberPasses.tier)));
  let queued = 0;
  for (const pass of behind) {
    const done = await db.transaction(async (tx) => {
      const [raised] = await tx
        .update(memberPasses)
        .set({ chainTier: sql`${memberPasses.tier}`, updatedAt: now })
        .where(and(eq(memberPasses.memberId, pass.memberId), lt(memberPasses.chainTier, memberPasses.tier)))
        .returning();
      if (!raised) return false;
      const [mint] = await tx.select().from(outbox).where(eq(outbox.id, raised.mintOutboxId));
      await tx.insert(outbox).values({
        kind: 'tier',
        memberId: raised.memberId,
        itemId: `${raised.tokenId}:${raised.tier}`,
        eventId: `pass:${raised.memberId}:tier:${raised.tier}`,
        source: 'pass:upgrade',
        status: 'queued',
        recipient: mint?.recipient ?? null,
        createdAt: now,
        updatedAt: now,
      });
      return true;
    });
    if (done) queued += 1;
  }
  return queued;
}
