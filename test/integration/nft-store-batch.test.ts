import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NftTransferLog } from '../../server/chain/indexer/nft-logs.ts';
import { storeNftLogs } from '../../server/chain/indexer/nft-store.ts';
import { nftTransfers } from '../../server/db/nft-index-schema.ts';
import { type Ledger, openLedger } from '../../server/db/open.ts';

// One getLogs range of a busy contract (an airdrop, one large TransferBatch) can hold thousands of transfers; an
// INSERT of them all at once passes PostgreSQL's 65,535 parameters and the index would retry that range for ever.
const CONTRACT = '0x00000000000000000000000000000000000b16a1';
const TX = `0x${'ab'.repeat(32)}` as Hex;
let dir: string;
let ledger: Ledger;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-nft-store-'));
  ledger = await openLedger({ dataDir: dir });
}, 60_000);

afterAll(async () => {
  await ledger?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('storing one range of NFT transfers', () => {
  it('stores a range of 8,000 transfers (72,000 values) in slices, and a replay adds nothing', async () => {
    const logs: NftTransferLog[] = Array.from({ length: 8_000 }, (_, i) => ({
      kind: 'transfer',
      from: '0x0000000000000000000000000000000000000000',
      to: `0x${(i + 1).toString(16).padStart(40, '0')}`,
      tokenId: BigInt(i + 1),
      amount: 1n,
      item: i,
      txHash: TX,
      logIndex: 0,
      blockNumber: 42n,
      blockHash: `0x${'cd'.repeat(32)}` as Hex,
    }));
    await ledger.db.transaction((tx) => storeNftLogs(tx, CONTRACT, logs));
    await ledger.db.transaction((tx) => storeNftLogs(tx, CONTRACT, logs));
    const [stored] = await ledger.db
      .select({ n: count() })
      .from(nftTransfers)
      .where(eq(nftTransfers.contract, CONTRACT));
    expect(stored?.n).toBe(8_000);
  });
});
