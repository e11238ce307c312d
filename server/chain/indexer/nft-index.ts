import type { Address, PublicClient } from 'viem';
import type { AppContext } from '../../context.ts';
import { logRanges } from '../log-ranges.ts';
import {
  advanceCursor,
  CursorMoved,
  findFork,
  hashAt,
  type IndexerCursor,
  pause,
  readCursor,
} from './cursor.ts';
import { deployBlockOf } from './deploy-block.ts';
import { nftLogs } from './nft-logs.ts';
import { nftCursorId, rollBackNftIndex, storeNftLogs } from './nft-store.ts';

/** How often the index looks for newly confirmed blocks. */
export const NFT_INDEX_POLL_MS = 2_000;
/** A caught-up contract whose cursor is more than this many getLogs ranges behind the chain is behind again. */
export const STALE_RANGES = 4n;
/** getLogs calls per contract per tick: a contract far behind catches up over several ticks. */
export const NFT_INDEX_CHUNKS_PER_TICK = 10;

/** What segments ask of the index: whether a contract's holdings in the ledger are current. */
export interface NftIndexProgress {
  /** True once the index of this contract (any case) reached the confirmed chain; false for one not followed. */
  caughtUp(address: string): boolean;
}

export interface NftIndex extends NftIndexProgress {
  /** Follows exactly these contracts from now on: new ones from their deploy block, dropped ones keep their cursor. */
  follow(addresses: readonly string[]): void;
  followed(): string[];
  stats: { rollbacks: number };
  /** One pass over every followed contract (tests drive it with pollMs 0). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartNftIndexParameters {
  client: PublicClient;
  /** Most blocks one getLogs spans (CHAIN_LOG_RANGE). */
  logRange?: bigint;
  /** 0: no loops, the caller drives `tick()`. */
  pollMs?: number;
  /** Resolves once this process may index (one per cluster); at once when omitted. */
  leadership?: () => { acquired: Promise<void>; lost: AbortSignal; release: () => Promise<void> };
  /** Where a contract without a cursor starts (its deploy block by default). */
  fromBlockOf?: (address: Address) => Promise<bigint>;
}

/**
 * The Transfer-log index of every contract the published gates name (issue 20, segments): ERC-721 Transfer, ERC-1155
 * TransferSingle/TransferBatch and LoungePass tiers into nft_transfers and nft_token_tiers, each contract under its own
 * cursor. Like the prize indexer: only blocks with ORACLE_CONFIRMATIONS are applied, a chunk and its cursor move in one
 * transaction, and a block hash that changed rolls that contract back to the fork point.
 */
export function startNftIndex(
  ctx: Pick<AppContext, 'ledger' | 'config' | 'logger'>,
  params: StartNftIndexParameters,
): NftIndex {
  const logger = ctx.logger.child({ part: 'nft-index' });
  const contracts = new Set<string>();
  const caught = new Set<string>();
  const fromBlocks = new Map<string, bigint>();
  /** Blocks per getLogs for a contract whose node refused a wider range. */
  const spans = new Map<string, bigint>();
  const stats = { rollbacks: 0 };
  const stopping = new AbortController();
  const logRange = params.logRange ?? BigInt(ctx.config.chainLogRange);
  const pollMs = params.pollMs ?? NFT_INDEX_POLL_MS;
  let busy: Promise<unknown> = Promise.resolve();

  const safeHead = async () =>
    (await params.client.getBlockNumber({ cacheTime: 0 })) - BigInt(ctx.config.oracle.confirmations);
  const fromBlockOf = async (address: string) => {
    let block = fromBlocks.get(address);
    if (block === undefined) {
      block = await (params.fromBlockOf ?? ((at) => deployBlockOf(params.client, at)))(address as Address);
      fromBlocks.set(address, block);
    }
    return block;
  };
  const markCaughtUp = (address: string) => {
    if (contracts.has(address) && !caught.has(address)) {
      caught.add(address);
      logger.info({ contract: address }, 'NFT index caught up');
    }
  };

  const indexContract = async (address: string, safe: bigint) => {
    const db = ctx.ledger.db;
    const id = nftCursorId(address);
    let cursor = (await readCursor(db, id)) ?? { number: (await fromBlockOf(address)) - 1n, hash: null };
    if (cursor.hash !== null && (await hashAt(params.client, cursor.number)) !== cursor.hash) {
      cursor = await findFork(db, id, params.client, await fromBlockOf(address));
      await rollBackNftIndex(db, address, cursor);
      stats.rollbacks++;
      logger.warn(
        { contract: address, fork: cursor.number.toString() },
        'chain reorganised; NFT index rolled back',
      );
    }
    const span = spans.get(address) ?? logRange;
    const ranges = logRanges(cursor.number + 1n, safe, span).slice(0, NFT_INDEX_CHUNKS_PER_TICK);
    for (const range of ranges) {
      if (stopping.signal.aborted) return;
      // A node that refuses a range (too many logs, a response cap) gets half of it next time, down to one block;
      // a range that succeeds lets the span grow back.
      const logs = await nftLogs(params.client, address as Address, range).catch((error: unknown) => {
        const narrower = span / 2n > 0n ? span / 2n : 1n;
        spans.set(address, narrower);
        throw error;
      });
      if (span < logRange) spans.set(address, span * 2n > logRange ? logRange : span * 2n);
      const toHash = await hashAt(params.client, range.toBlock);
      if (!toHash || logs.some((log) => log.blockNumber === range.toBlock && log.blockHash !== toHash))
        return;
      const from: IndexerCursor = cursor;
      const next = { number: range.toBlock, hash: toHash };
      await db.transaction(async (tx) => {
        const seen = new Map(logs.map((log) => [log.blockNumber, log.blockHash as string]));
        await advanceCursor(tx, id, from, next, seen);
        await storeNftLogs(tx, address, logs);
      });
      cursor = next;
    }
    if (cursor.number >= safe) markCaughtUp(address);
  };

  const tick = async () => {
    const safe = await safeHead();
    for (const address of [...contracts]) {
      if (stopping.signal.aborted) return;
      await indexContract(address, safe).catch((error: unknown) => {
        if (!(error instanceof CursorMoved))
          logger.warn({ err: error, contract: address }, 'NFT index tick failed; retrying');
      });
    }
  };

  // Every process (the indexing one or not) learns from the cursors when a contract is within one getLogs of the chain.
  // A contract whose cursor falls behind again (the indexing process stopped or its node fails, a rollback) is
  // unmarked, so segments refuse it as not caught up instead of counting holders from a stale index.
  const refresh = async () => {
    if (contracts.size === 0) return;
    const safe = await safeHead();
    for (const address of [...contracts]) {
      const cursor = await readCursor(ctx.ledger.db, nftCursorId(address));
      if (cursor && cursor.number + logRange >= safe) markCaughtUp(address);
      else if (caught.has(address) && (!cursor || cursor.number + STALE_RANGES * logRange < safe)) {
        caught.delete(address);
        logger.warn({ contract: address }, 'NFT index fell behind the chain');
      }
    }
  };

  const indexing = (async () => {
    while (!stopping.signal.aborted && pollMs !== 0) {
      const leadership = params.leadership?.();
      // A process still waiting for the lock gives the wait up on stop (else stop() waits for another's lock).
      const stopWaiting = () => void leadership?.release();
      stopping.signal.addEventListener('abort', stopWaiting, { once: true });
      try {
        if (leadership) await leadership.acquired;
        const lost = leadership ? AbortSignal.any([leadership.lost, stopping.signal]) : stopping.signal;
        while (!lost.aborted) {
          busy = tick().catch((error: unknown) =>
            logger.warn({ err: error }, 'NFT index tick failed; retrying'),
          );
          await busy;
          await pause(pollMs, lost);
        }
      } catch (error) {
        if (!stopping.signal.aborted) logger.warn({ err: error }, 'NFT index leadership lost; trying again');
      } finally {
        stopping.signal.removeEventListener('abort', stopWaiting);
        await leadership?.release();
      }
      await pause(1_000, stopping.signal);
    }
  })();
  const refreshing = (async () => {
    while (!stopping.signal.aborted && pollMs !== 0) {
      await refresh().catch((error: unknown) => logger.warn({ err: error }, 'NFT index progress not read'));
      await pause(pollMs, stopping.signal);
    }
  })();

  return {
    stats,
    caughtUp: (address) => caught.has(address.toLowerCase()),
    follow(addresses) {
      const next = new Set(addresses.map((address) => address.toLowerCase()));
      for (const address of contracts)
        if (!next.has(address)) {
          contracts.delete(address);
          caught.delete(address);
        }
      for (const address of next) contracts.add(address);
    },
    followed: () => [...contracts],
    tick,
    stop: async () => {
      stopping.abort();
      await Promise.all([indexing, refreshing]);
      await busy;
    },
  };
}
