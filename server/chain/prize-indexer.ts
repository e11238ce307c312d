import type { Address, PublicClient } from 'viem';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { prizeTransfers } from '../db/perks-schema.ts';
import { fulfilRedemption } from '../perks/fulfil.ts';
import {
  advanceCursor,
  CursorMoved,
  findFork,
  hashAt,
  type IndexerCursor,
  pause,
  readCursor,
  rollBackTo,
} from './indexer/cursor.ts';
import { prizeLogs, type RedeemedLog, type TransferLog } from './indexer/prize-logs.ts';
import { redeemerOf } from './indexer/redeemer.ts';
import { logRanges } from './log-ranges.ts';

/** How often the indexer looks for newly confirmed blocks. */
export const PRIZE_INDEXER_POLL_MS = 2_000;
/** getLogs calls one tick may make: an indexer far behind catches up over several ticks, within the RPC's limits. */
export const PRIZE_INDEXER_CHUNKS_PER_TICK = 10;

export interface PrizeIndexerStats {
  /** The last confirmed block applied. */
  block: bigint;
  redemptions: number;
  /** PrizeRedeemed logs from an address no member holds. */
  unmatched: number;
  rollbacks: number;
}

export interface StartPrizeIndexerParameters {
  client: PublicClient;
  prizes: Address;
  /** The block the contracts were deployed in: nothing before it is read. */
  fromBlock: bigint;
  /** Most blocks one getLogs spans (CHAIN_LOG_RANGE). */
  logRange?: bigint;
  /** 0: no loop, the caller drives `tick()` (tests). */
  pollMs?: number;
  /** Resolves once this process may index (one indexer per cluster); at once when omitted (PGlite: alone). */
  leadership?: () => { acquired: Promise<void>; lost: AbortSignal; release: () => Promise<void> };
  cursorId?: string;
}

/**
 * Follows the Prizes contract: PrizeRedeemed becomes the member's perk(s) (fulfilRedemption, key
 * `chain:<txHash>:<logIndex>`) and transfers record where tokens are. Only blocks with ORACLE_CONFIRMATIONS
 * confirmations are applied; the cursor keeps block hashes and a mismatch rolls back to the fork point.
 */
export function startPrizeIndexer(
  ctx: Pick<AppContext, 'ledger' | 'clock' | 'config' | 'logger' | 'custodyAddress' | 'content'>,
  params: StartPrizeIndexerParameters,
): { stats: PrizeIndexerStats; tick: () => Promise<void>; stop: () => Promise<void> } {
  const cursorId = params.cursorId ?? 'prizes';
  const stats: PrizeIndexerStats = { block: 0n, redemptions: 0, unmatched: 0, rollbacks: 0 };
  const logger = ctx.logger.child({ part: 'prize-indexer' });
  const stopping = new AbortController();
  let busy: Promise<void> = Promise.resolve();

  const tick = async () => {
    const db = ctx.ledger.db;
    const head = await params.client.getBlockNumber({ cacheTime: 0 });
    const safe = head - BigInt(ctx.config.oracle.confirmations);
    let cursor = (await readCursor(db, cursorId)) ?? { number: params.fromBlock - 1n, hash: null };
    if (cursor.hash !== null && (await hashAt(params.client, cursor.number)) !== cursor.hash) {
      cursor = await findFork(db, cursorId, params.client, params.fromBlock);
      await rollBackTo(db, cursorId, cursor);
      stats.rollbacks++;
      logger.warn(
        { fork: cursor.number.toString() },
        'chain reorganised under the prize indexer; rolled back',
      );
    }
    const ranges = logRanges(cursor.number + 1n, safe, params.logRange).slice(
      0,
      PRIZE_INDEXER_CHUNKS_PER_TICK,
    );
    for (const range of ranges) {
      if (stopping.signal.aborted) return;
      const logs = await prizeLogs(params.client, params.prizes, range);
      const toHash = await hashAt(params.client, range.toBlock);
      if (!toHash || logs.some((log) => log.blockNumber === range.toBlock && log.blockHash !== toHash))
        return;
      const next = { number: range.toBlock, hash: toHash };
      await applyChunk(db, cursor, next, logs);
      cursor = next;
      stats.block = next.number;
    }
  };

  const applyChunk = (
    db: Db,
    from: IndexerCursor,
    to: { number: bigint; hash: string },
    logs: (RedeemedLog | TransferLog)[],
  ) =>
    db.transaction(async (tx) => {
      const seen = new Map(logs.map((log) => [log.blockNumber, log.blockHash as string]));
      await advanceCursor(tx, cursorId, from, to, seen);
      const transfers = logs.filter((log): log is TransferLog => log.kind === 'transfer');
      if (transfers.length > 0)
        await tx
          .insert(prizeTransfers)
          .values(
            transfers.map((log) => ({
              txHash: log.txHash,
              logIndex: log.logIndex,
              item: log.item,
              blockNumber: log.blockNumber,
              tokenId: Number(log.tokenId),
              fromAddress: log.from.toLowerCase(),
              toAddress: log.to.toLowerCase(),
              amount: Number(log.amount),
            })),
          )
          .onConflictDoNothing();
      for (const log of logs) if (log.kind === 'redeemed') await fulfilLog(tx, log);
    });

  const fulfilLog = async (db: Db, log: RedeemedLog) => {
    // The published catalogue: a prize added by a publish after boot is redeemed like any other.
    const prize = ctx.content
      .current()
      .bundle.prizes.find((candidate) => BigInt(candidate.tokenId) === log.tokenId);
    const memberId = await redeemerOf(db, {
      address: log.member,
      txHash: log.txHash,
      custodyAddress: ctx.custodyAddress,
    });
    if (!prize || !memberId) {
      stats.unmatched++;
      logger.warn(
        { txHash: log.txHash, tokenId: log.tokenId.toString() },
        'a PrizeRedeemed with no member or prize here',
      );
      return;
    }
    const outcome = await fulfilRedemption(
      ctx,
      { memberId, prizeId: prize.id, amount: Number(log.amount), key: `chain:${log.txHash}:${log.logIndex}` },
      { db },
    );
    if (outcome.ok && !outcome.replayed) stats.redemptions++;
    if (!outcome.ok) logger.warn({ txHash: log.txHash, refusal: outcome.refusal }, 'redemption gave no perk');
  };

  const running = (async () => {
    while (!stopping.signal.aborted && params.pollMs !== 0) {
      const leadership = params.leadership?.();
      // A process still waiting for the lock gives the wait up on stop (else stop() waits for another's lock).
      const stopWaiting = () => void leadership?.release();
      stopping.signal.addEventListener('abort', stopWaiting, { once: true });
      try {
        if (leadership) await leadership.acquired;
        const lost = leadership ? AbortSignal.any([leadership.lost, stopping.signal]) : stopping.signal;
        while (!lost.aborted) {
          busy = tick().catch((error: unknown) => {
            if (!(error instanceof CursorMoved))
              logger.warn({ err: error }, 'prize indexer tick failed; retrying');
          });
          await busy;
          await pause(params.pollMs ?? PRIZE_INDEXER_POLL_MS, lost);
        }
      } catch (error) {
        if (!stopping.signal.aborted)
          logger.warn({ err: error }, 'prize indexer leadership lost; trying again');
      } finally {
        stopping.signal.removeEventListener('abort', stopWaiting);
        await leadership?.release();
      }
      await pause(1_000, stopping.signal);
    }
  })();

  return {
    stats,
    tick: () => tick(),
    stop: async () => {
      stopping.abort();
      await running;
      await busy;
    },
  };
}
