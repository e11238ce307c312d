import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import pg from 'pg';
import { type Address, createPublicClient, getAbiItem, http, parseEventLogs } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import { type AnvilInstance, startAnvil } from '../../server/chain/anvil.ts';
import { type Ledger, openLedger } from '../../server/db/open.ts';
import { mintAttempts, outbox } from '../../server/db/schema.ts';
import { onChain, outboxRows, queuePrizes } from '../support/prizes.ts';
import { interrupt, type StartedServer, spawnLayover } from '../support/process.ts';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PRIZES = 240;
const KILLS = 4;

let anvil: AnvilInstance;
let dir: string;
let dbName: string;
let databaseUrl: string;
let ledger: Ledger | undefined;
let server: StartedServer | undefined;
let env: Record<string, string>;

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

function killHard(child: StartedServer['child']): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

beforeAll(async () => {
  anvil = await startAnvil();
  dir = await mkdtemp(join(tmpdir(), 'layover-crash-'));
  dbName = `layover_crash_${process.pid}_${Date.now()}`;
  await adminQuery(`CREATE DATABASE ${dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  databaseUrl = url.toString();
  env = {
    PORT: '0',
    RPC_URL: anvil.rpcUrl,
    DATABASE_URL: databaseUrl,
    DATA_DIR: join(dir, 'data'),
    DEPLOYMENTS_DIR: join(dir, 'deployments'),
    CLIENT_BUILD: 'skip',
    ORACLE_BATCH_SIZE: '4',
    ORACLE_POLL_MS: '20',
  };
});

afterAll(async () => {
  if (server) await interrupt(server.child);
  await ledger?.close();
  await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  await anvil?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the prize oracle under SIGKILL', () => {
  it('mints every prize exactly once however often the server is killed mid-batch', async () => {
    const started = Date.now();
    server = await spawnLayover(env);
    ledger = await openLedger({ databaseUrl, dataDir: dir });
    const ids = await queuePrizes(ledger.db, PRIZES);
    const deliveredAtKill: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 450));
      await killHard(server.child);
      const rows = await ledger.db
        .select({ status: outbox.status })
        .from(outbox)
        .where(inArray(outbox.id, ids));
      deliveredAtKill.push(rows.filter((row) => row.status === 'delivered').length);
      const restart = Date.now();
      server = await spawnLayover(env);
      console.log(
        `restart ${kill + 1}: ${Date.now() - restart} ms, delivered at kill ${deliveredAtKill.at(-1)}`,
      );
    }
    // At least one kill landed while prizes were still being minted.
    expect(deliveredAtKill.some((n) => n < PRIZES)).toBe(true);

    const deadline = Date.now() + 120_000;
    let rows = await outboxRows(ledger.db, ids);
    while (rows.some((row) => row.status !== 'delivered') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      rows = await outboxRows(ledger.db, ids);
    }
    expect(rows.filter((row) => row.status !== 'delivered')).toEqual([]);

    const chain = createPublicClient({ transport: http(anvil.rpcUrl) });
    const deployment = (await (await fetch(`${server.url}/health`)).json()) as {
      contracts: { Prizes: Address };
    };
    const prizes = deployment.contracts.Prizes;
    expect(
      await onChain(
        chain,
        prizes,
        rows.map((row) => row.claimId),
      ),
    ).toEqual({
      minted: BigInt(PRIZES),
      claimed: PRIZES,
    });
    // One TransferSingle per prize on chain, and every row carried by exactly one confirmed transaction.
    const logs = await chain.getLogs({
      address: prizes,
      event: getAbiItem({ abi: prizesAbi, name: 'TransferSingle' }),
      fromBlock: 0n,
    });
    const mints = parseEventLogs({ abi: prizesAbi, logs, eventName: 'TransferSingle' });
    expect(mints).toHaveLength(PRIZES);
    const confirmed = (await ledger.db.select().from(mintAttempts)).filter((a) => a.status === 'confirmed');
    const carried = confirmed.flatMap((attempt) => attempt.outboxIds).sort((a, b) => a - b);
    expect(carried).toEqual([...ids].sort((a, b) => a - b));
    console.log(
      `oracle crash test (${Math.round((Date.now() - started) / 1000)} s): ${PRIZES} prizes, ${KILLS} SIGKILLs (delivered at each kill: ${deliveredAtKill.join(', ')}), ${confirmed.length} confirmed transactions`,
    );
  }, 300_000);
});
