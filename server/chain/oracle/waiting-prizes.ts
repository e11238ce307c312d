import { and, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { Address, PublicClient } from 'viem';
import { prizesAbi } from '../../../contracts/abi/Prizes.ts';
import type { Db } from '../../db/open.ts';
import { outbox } from '../../db/schema.ts';
import { PRIZE_NOT_ON_CHAIN, type TokenOf } from './calls.ts';

/** How long "not on chain" is believed before the Prizes contract is asked again (the admin may sign any time). */
const RECHECK_MS = 1_000;

/**
 * Which queued prizes are published but not yet added to the Prizes contract (addPrize unsent, or waiting for the
 * brand's wallet): their rows wait in the queue, marked PRIZE_NOT_ON_CHAIN, instead of being minted into a revert.
 * A prize once added is never removed, so "on chain" is remembered for good.
 */
export function prizeWaitList(params: { db: Db; client: PublicClient; prizes: Address; tokenOf: TokenOf }) {
  const { db, client } = params;
  const onChain = new Set<bigint>();
  const absentSince = new Map<bigint, number>();
  // Clear marks left by an earlier process on the first pass, then only when a prize stops waiting.
  let lastWaiting: string[] | undefined;

  const exists = async (tokenId: bigint): Promise<boolean> => {
    if (onChain.has(tokenId)) return true;
    const checked = absentSince.get(tokenId);
    if (checked !== undefined && Date.now() - checked < RECHECK_MS) return false;
    const rules = await client.readContract({
      address: params.prizes,
      abi: prizesAbi,
      functionName: 'prize',
      args: [tokenId],
    });
    if (rules.exists) {
      onChain.add(tokenId);
      absentSince.delete(tokenId);
    } else absentSince.set(tokenId, Date.now());
    return rules.exists;
  };

  /** The prize ids whose queued rows must wait; marks them (and clears the mark of those now on chain). */
  return async function waitingPrizes(): Promise<{ waiting: string[]; newlyWaiting: number }> {
    const queuedMints = and(
      eq(outbox.status, 'queued'),
      eq(outbox.kind, 'prize'),
      or(isNull(outbox.custody), eq(outbox.recipient, outbox.custody)),
    );
    const items = await db.selectDistinct({ itemId: outbox.itemId }).from(outbox).where(queuedMints);
    const waiting: string[] = [];
    for (const { itemId } of items) {
      const tokenId = params.tokenOf({ kind: 'prize', itemId });
      // An item no published version has is failed by prepareBatch as unknownItem, as before.
      if (tokenId !== undefined && !(await exists(tokenId))) waiting.push(itemId);
    }
    const marked = waiting.length
      ? await db
          .update(outbox)
          .set({ lastError: PRIZE_NOT_ON_CHAIN, updatedAt: new Date() })
          .where(
            and(
              queuedMints,
              inArray(outbox.itemId, waiting),
              sql`${outbox.lastError} IS DISTINCT FROM ${PRIZE_NOT_ON_CHAIN}`,
            ),
          )
          .returning({ id: outbox.id })
      : [];
    if (lastWaiting === undefined || lastWaiting.some((itemId) => !waiting.includes(itemId)))
      await db
        .update(outbox)
        .set({ lastError: null, updatedAt: new Date() })
        .where(
          and(
            queuedMints,
            eq(outbox.lastError, PRIZE_NOT_ON_CHAIN),
            ...(waiting.length ? [notInArray(outbox.itemId, waiting)] : []),
          ),
        );
    lastWaiting = waiting;
    return { waiting, newlyWaiting: marked.length };
  };
}
