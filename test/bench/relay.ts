// `npx tsx test/bench/relay.ts [members] [per second]`: gas of a relayed redeem and gift against the member's own direct call (same
// run), then relayed redeems per second on anvil with their submit-to-receipt latency (target p95 < 2 s).
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { type Address, createWalletClient, type Hex, http, parseEther } from 'viem';
import { generatePrivateKey, type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import { issueSession } from '../../server/auth/sessions.ts';
import { INNER_GAS, prizeCallData } from '../../server/chain/relay/forward.ts';
import { relayedActions } from '../../server/db/relay-schema.ts';
import { members, outbox } from '../../server/db/schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { queueAward } from '../../server/prizes/award.ts';
import { forwardTypedData } from '../../shared/protocol/relay.ts';
import { eventually, startTestLayover } from '../support/layover.ts';

const COUNT = Number(process.argv[2] ?? 200);
const layover: RunningLayover = await startTestLayover({
  relay: { relayerKey: undefined, enabled: true, dailyLimit: 100, reauthMs: 600_000 },
});
const db = layover.ctx.ledger.db;
const client = layover.ctx.chain.publicClient;
const prizes = layover.contracts.Prizes as Address;

interface Holder {
  wallet: PrivateKeyAccount;
  token: string;
}

/** `count` wallet members, each holding `units` minted prizes (minted by the oracle as usual). */
async function holders(count: number, units = 1): Promise<Holder[]> {
  const made: Holder[] = [];
  const ids: number[] = [];
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const wallet = privateKeyToAccount(generatePrivateKey());
      const id = randomUUID();
      await tx
        .insert(members)
        .values({ id, displayName: `Bench ${i}`, address: wallet.address.toLowerCase() });
      for (let unit = 0; unit < units; unit++) {
        const row = await queueAward(tx, {
          kind: 'prize',
          memberId: id,
          itemId: 'lounge-day-pass',
          eventId: randomUUID(),
          source: 'bench',
          at: new Date(),
          dailyCap: 1_000,
        });
        ids.push(row.id);
      }
      made.push({ wallet, token: (await issueSession(tx, id, 'wallet', 3_600_000)).token });
    }
  });
  layover.ctx.oracle?.wake();
  await eventually(
    async () => {
      const rows = await db.select({ status: outbox.status }).from(outbox).where(inArray(outbox.id, ids));
      return rows.every((row) => row.status === 'delivered') ? true : undefined;
    },
    'prizes minted',
    120_000,
  );
  return made;
}

async function post(holder: Holder, path: string, body: unknown) {
  const response = await fetch(`${layover.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${holder.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** Prepares, signs and submits; resolves with the action id. */
async function relay(holder: Holder, intent: Record<string, unknown>): Promise<number> {
  const prepared = await post(holder, '/api/relay/prepare', intent);
  const signature = await holder.wallet.signTypedData(forwardTypedData(prepared.domain, prepared.request));
  const action = await post(holder, '/api/relay/actions', {
    ...intent,
    request: prepared.request,
    signature,
  });
  return Number(action.id);
}

async function confirmed(ids: number[]) {
  return eventually(
    async () => {
      const rows = await db.select().from(relayedActions).where(inArray(relayedActions.id, ids));
      return rows.every((row) => row.status === 'confirmed' || row.status === 'failed') ? rows : undefined;
    },
    'relayed actions settled',
    300_000,
  );
}

const gasOf = async (hash: Hex) => (await client.waitForTransactionReceipt({ hash })).gasUsed;

// 1. Gas: the same member redeems and gifts directly (funded for it) and through the forwarder. Every step leaves
// the member's balance above zero and gives to a fresh address, so storage costs match; the member's first relayed
// action also creates its forwarder nonce slot (shown apart).
const [gasHolder] = await holders(1, 6);
const direct = createWalletClient({
  account: gasHolder!.wallet,
  chain: { ...foundry, id: layover.chainId },
  transport: http(layover.rpcUrl),
});
await client.request({
  method: 'anvil_setBalance' as never,
  params: [gasHolder!.wallet.address, `0x${parseEther('1').toString(16)}`] as never,
});
const fresh = () => privateKeyToAccount(generatePrivateKey()).address;
const directGas = (args: Parameters<typeof direct.writeContract>[0]) =>
  direct.writeContract(args).then((hash) => gasOf(hash));
const relayedGas = async (intent: Record<string, unknown>) => {
  const [row] = await confirmed([await relay(gasHolder!, intent)]);
  if (row?.status !== 'confirmed')
    throw new Error(`relayed ${JSON.stringify(intent)}: ${row?.status} ${row?.error}`);
  return gasOf(row!.txHash as Hex);
};
const redeem = { kind: 'redeem', prizeId: 'lounge-day-pass', amount: 1 };
const directRedeem = await directGas({
  address: prizes,
  abi: prizesAbi,
  functionName: 'redeem',
  args: [1n, 1n],
});
const firstRelayed = await relayedGas(redeem);
const relayedRedeem = await relayedGas(redeem);
const directGift = await directGas({
  address: prizes,
  abi: prizesAbi,
  functionName: 'safeTransferFrom',
  args: [gasHolder!.wallet.address, fresh(), 1n, 1n, '0x'],
});
const relayedGift = await relayedGas({ kind: 'gift', prizeId: 'lounge-day-pass', amount: 1, to: fresh() });
console.log('| Action | Direct by the member (gas) | Relayed through the forwarder (gas) | Overhead |');
console.log('| --- | --- | --- | --- |');
const rowsOfGas = [
  ['redeem', directRedeem, relayedRedeem],
  ["redeem, the member's first relayed action", directRedeem, firstRelayed],
  ['gift (safeTransferFrom)', directGift, relayedGift],
] as const;
for (const [name, a, b] of rowsOfGas)
  console.log(`| ${name} | ${a} | ${b} | +${b - a} (${((Number(b) / Number(a) - 1) * 100).toFixed(0)}%) |`);

// 2. Throughput: COUNT members each submit one relayed redeem, RATE a second (pre-signed, as their browsers would:
// the bench process signing in between would slow the server it shares a CPU with), submit-to-receipt latency.
const RATE = Number(process.argv[3] ?? 10);
const crowd = await holders(COUNT);
const domain = {
  name: 'Layover Forwarder' as const,
  version: '1' as const,
  chainId: layover.chainId,
  verifyingContract: layover.contracts.Forwarder as string,
};
const deadline = String(Math.floor(Date.now() / 1000) + 3_000);
const signed = await Promise.all(
  crowd.map(async (holder) => {
    const request = {
      from: holder.wallet.address,
      to: prizes,
      value: '0',
      gas: INNER_GAS.toString(),
      nonce: '0',
      deadline,
      data: prizeCallData({ kind: 'redeem', tokenId: 1n, amount: 1n }),
    };
    return {
      holder,
      request,
      signature: await holder.wallet.signTypedData(forwardTypedData(domain, request)),
    };
  }),
);
const submittedAt = new Map<number, number>();
const settledAt = new Map<number, number>();
const answeredIn: number[] = [];
let launched = 0;
const started = Date.now();
const poller = (async () => {
  while (settledAt.size < COUNT) {
    const ids = [...submittedAt.keys()].filter((id) => !settledAt.has(id));
    if (ids.length > 0) {
      const rows = await db.select().from(relayedActions).where(inArray(relayedActions.id, ids));
      for (const row of rows)
        if (row.status === 'confirmed' || row.status === 'failed') settledAt.set(row.id, Date.now());
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
})();
await Promise.all(
  signed.map(async ({ holder, request, signature }, i) => {
    await new Promise((resolve) => setTimeout(resolve, (i * 1000) / RATE));
    const begin = Date.now();
    launched++;
    const action = await post(holder, '/api/relay/actions', { ...redeem, request, signature });
    submittedAt.set(Number(action.id), begin);
    answeredIn.push(Date.now() - begin);
  }),
);
await poller;
const seconds = (Math.max(...settledAt.values()) - started) / 1000;
const ids = [...submittedAt.keys()];
const rows = await db.select().from(relayedActions).where(inArray(relayedActions.id, ids));
const latencies = ids
  .map((id) => (settledAt.get(id) ?? 0) - (submittedAt.get(id) ?? 0))
  .sort((a, b) => a - b);
const pct = (p: number, list = latencies) =>
  list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))] ?? 0;
console.log(
  `\n${launched} relayed redeems offered at ${RATE}/s by ${COUNT} members: ` +
    `${rows.filter((row) => row.status === 'confirmed').length} confirmed, ` +
    `${rows.filter((row) => row.status === 'failed').length} failed, ${(COUNT / seconds).toFixed(1)} actions/s over ` +
    `${seconds.toFixed(1)} s; submit-to-receipt latency p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${latencies.at(-1)} ms` +
    ` (the submit's own answer: p50 ${pct(
      50,
      answeredIn.sort((a, b) => a - b),
    )} ms, p95 ${pct(95, answeredIn)} ms)`,
);
const failures = rows.filter((row) => row.status === 'failed').map((row) => row.error);
if (failures.length > 0) console.log(`failed: ${failures.join(', ')}`);
await layover.stop();
process.exit(0);
