import { createPublicClient, http, type PublicClient } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNftIndex } from '../../server/chain/indexer/nft-index.ts';
import { type Leadership, takeOracleLeadership } from '../../server/chain/oracle/leader.ts';
import { startPrizeIndexer } from '../../server/chain/prize-indexer.ts';
import type { AppContext } from '../../server/context.ts';
import { ADVISORY_LOCKS } from '../../server/db/advisory-locks.ts';
import { createLogger } from '../../server/observability/logger.ts';

// Two processes on one PostgreSQL: the one that holds an indexer's lock indexes, the other waits for it. The waiting
// one must still stop when asked (a server shutting down, a test's afterAll), not wait for the other's lock first.
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const holders: Leadership[] = [];
// Nothing reaches the chain or the ledger while a process waits for its lock: neither is started for this test.
const idleClient = createPublicClient({ transport: http('http://127.0.0.1:9') }) as PublicClient;
const ctx = {
  logger: createLogger({ level: 'silent' }),
  config: { chainLogRange: 1_000, oracle: { confirmations: 0 } },
} as unknown as AppContext;

async function holdLock(key: number): Promise<void> {
  const holder = takeOracleLeadership(DATABASE_URL, 100, key);
  holders.push(holder);
  await holder.acquired;
}

beforeAll(async () => {
  await holdLock(ADVISORY_LOCKS.nftIndex);
  await holdLock(ADVISORY_LOCKS.prizeIndexer);
});

afterAll(async () => {
  await Promise.all(holders.map((holder) => holder.release()));
});

describe("an indexer waiting for another process's lock", () => {
  it('the NFT index stops without getting the lock', async () => {
    let asked = 0;
    const index = startNftIndex(ctx, {
      client: idleClient,
      pollMs: 50,
      leadership: () => {
        asked++;
        return takeOracleLeadership(DATABASE_URL, 100, ADVISORY_LOCKS.nftIndex);
      },
    });
    await expect.poll(() => asked).toBeGreaterThan(0);
    await index.stop();
    expect(index.followed()).toEqual([]);
  });

  it('the prize indexer stops without getting the lock', async () => {
    let asked = 0;
    const indexer = startPrizeIndexer(ctx, {
      client: idleClient,
      prizes: '0x0000000000000000000000000000000000000001',
      fromBlock: 0n,
      pollMs: 50,
      leadership: () => {
        asked++;
        return takeOracleLeadership(DATABASE_URL, 100, ADVISORY_LOCKS.prizeIndexer);
      },
    });
    await expect.poll(() => asked).toBeGreaterThan(0);
    await indexer.stop();
    expect(indexer.stats.block).toBe(0n);
  });
});
