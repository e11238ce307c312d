import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { type Address, type Hex, keccak256 } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { layoverForwarderAbi } from '../../contracts/abi/LayoverForwarder.ts';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import { issueSession } from '../../server/auth/sessions.ts';
import { ANVIL_ACCOUNTS, type AnvilInstance, startAnvil } from '../../server/chain/anvil.ts';
import { executeData } from '../../server/chain/relay/forward.ts';
import type { Config } from '../../server/config.ts';
import { relayedActions } from '../../server/db/relay-schema.ts';
import { members, outbox } from '../../server/db/schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { queueAward } from '../../server/prizes/award.ts';
import { forwardTypedData } from '../../shared/protocol/relay.ts';
import { eventually, startTestLayover } from '../support/layover.ts';

let anvil: AnvilInstance;
let dir: string;
const running: RunningLayover[] = [];

beforeAll(async () => {
  anvil = await startAnvil();
  dir = await mkdtemp(join(tmpdir(), 'layover-relay-restart-'));
});
afterAll(async () => {
  for (const layover of running) await layover.stop().catch(() => {});
  await anvil?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function boot(relayOn: boolean): Promise<RunningLayover> {
  const overrides: Partial<Config> = {
    rpcUrl: anvil.rpcUrl,
    dataDir: join(dir, 'data'),
    deploymentsDir: join(dir, 'deployments'),
    relay: { relayerKey: undefined, enabled: relayOn, dailyLimit: 10, reauthMs: 600_000 },
  };
  const layover = await startTestLayover(overrides);
  running.push(layover);
  return layover;
}

/** A wallet member without ETH holding one minted prize, and their signed, submitted redeem (recorded, not sent). */
async function recordRedeem(layover: RunningLayover) {
  const db = layover.ctx.ledger.db;
  const wallet = privateKeyToAccount(generatePrivateKey());
  const id = randomUUID();
  await db.insert(members).values({ id, displayName: 'Restart', address: wallet.address.toLowerCase() });
  const { token } = await issueSession(db, id, 'wallet', 3_600_000);
  const row = await db.transaction((tx) =>
    queueAward(tx, {
      kind: 'prize',
      memberId: id,
      itemId: 'lounge-day-pass',
      eventId: randomUUID(),
      source: 't',
      at: new Date(),
    }),
  );
  layover.ctx.oracle?.wake();
  await eventually(async () => {
    const [done] = await db.select().from(outbox).where(eq(outbox.id, row.id));
    return done?.status === 'delivered' ? true : undefined;
  }, 'prize minted');
  const call = (path: string, body: unknown) =>
    fetch(`${layover.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((response) => response.json());
  const intent = { kind: 'redeem', prizeId: 'lounge-day-pass', amount: 1 };
  const prepared = await call('/api/relay/prepare', intent);
  const signature = await wallet.signTypedData(forwardTypedData(prepared.domain, prepared.request));
  const action = await call('/api/relay/actions', { ...intent, request: prepared.request, signature });
  expect(action.status).toBe('queued');
  return { wallet: wallet.address, actionId: Number(action.id) };
}

it('actions recorded before a restart are sent once after it: one never signed, one signed but never broadcast', async () => {
  const first = await boot(false);
  const queued = await recordRedeem(first);
  const signed = await recordRedeem(first);
  const db = first.ctx.ledger.db;
  // As if the relayer died right after writing its signed transaction, before broadcasting it.
  const [row] = await db.select().from(relayedActions).where(eq(relayedActions.id, signed.actionId));
  const relayer = privateKeyToAccount(ANVIL_ACCOUNTS.relayer.privateKey);
  const client = first.ctx.chain.publicClient;
  const forwarder = first.contracts.Forwarder as Address;
  const nonce = await client.getTransactionCount({ address: relayer.address });
  const raw = await relayer.signTransaction({
    type: 'eip1559',
    chainId: first.chainId,
    nonce,
    to: forwarder,
    data: executeData(row!.request!, row!.signature as Hex),
    gas: 400_000n,
    maxFeePerGas: 10_000_000_000n,
    maxPriorityFeePerGas: 1_000_000_000n,
  });
  await db
    .update(relayedActions)
    .set({ status: 'sent', rawTx: raw, txHash: keccak256(raw), relayerNonce: nonce })
    .where(eq(relayedActions.id, signed.actionId));
  const states = await db.select().from(relayedActions);
  expect(states.map((state) => state.status).sort()).toEqual(['queued', 'sent']);
  await first.stop();
  running.length = 0;

  const second = await boot(true);
  const after = second.ctx.ledger.db;
  const done = await eventually(async () => {
    const rows = await after.select().from(relayedActions);
    return rows.every((one) => one.status === 'confirmed') ? rows : undefined;
  }, 'both actions confirmed');
  expect(done.find((one) => one.id === signed.actionId)?.txHash).toBe(keccak256(raw));
  const read = second.ctx.chain.publicClient;
  for (const { wallet } of [queued, signed]) {
    const [units, used, eth] = await Promise.all([
      read.readContract({
        address: second.contracts.Prizes as Address,
        abi: prizesAbi,
        functionName: 'balanceOf',
        args: [wallet as Address, 1n],
      }),
      read.readContract({
        address: forwarder,
        abi: layoverForwarderAbi,
        functionName: 'nonces',
        args: [wallet as Address],
      }),
      read.getBalance({ address: wallet as Address }),
    ]);
    expect([units, used, eth]).toEqual([0n, 1n, 0n]);
  }
  expect(await read.getTransactionCount({ address: relayer.address })).toBe(nonce + 2);
});
