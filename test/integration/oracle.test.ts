import { inArray } from 'drizzle-orm';
import { type Address, createPublicClient, type Hex, http, type PublicClient } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import { ANVIL_ACCOUNTS, type AnvilInstance, startAnvil } from '../../server/chain/anvil.ts';
import { loadConfig } from '../../server/config.ts';
import { createMember, linkMemberAddress } from '../../server/db/members.ts';
import { mintAttempts, outbox } from '../../server/db/schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { queueAward } from '../../server/prizes/award.ts';
import { loadQuestsSnapshot } from '../../server/quests/passport.ts';
import { questContent } from '../../shared/content/quests.ts';
import { startTestLayover } from '../support/layover.ts';
import { onChain, outboxRows, queuePrizes } from '../support/prizes.ts';
import { type RpcProxy, startRpcProxy } from '../support/rpc-proxy.ts';

let anvil: AnvilInstance;
let proxy: RpcProxy;
let layover: RunningLayover;
let chain: PublicClient;

const db = () => layover.ctx.ledger.db;
const settings = () => layover.ctx.config.oracle;

async function waitDelivered(ids: number[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db().select({ status: outbox.status }).from(outbox).where(inArray(outbox.id, ids));
    if (rows.every((row) => row.status === 'delivered')) return;
    if (Date.now() > deadline) throw new Error(`not delivered: ${JSON.stringify(rows.map((r) => r.status))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function mintedCount(): Promise<bigint> {
  return (await onChain(chain, layover.contracts.Prizes as Address, [])).minted;
}

beforeAll(async () => {
  anvil = await startAnvil();
  proxy = await startRpcProxy(anvil.rpcUrl);
  const defaults = loadConfig({}).oracle;
  layover = await startTestLayover({
    rpcUrl: proxy.url,
    metricsPort: 0,
    oracle: { ...defaults, batchSize: 10, pollMs: 50 },
  });
  chain = createPublicClient({ transport: http(anvil.rpcUrl) });
});

afterAll(async () => {
  await layover?.stop();
  await proxy?.close();
  await anvil?.stop();
});

describe('the prize oracle against faults of a real chain', () => {
  it('keeps prizes queued through an RPC outage and drains them after it', async () => {
    const before = await mintedCount();
    proxy.mode = 'down';
    const ids = await queuePrizes(db(), 60);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const during = await outboxRows(db(), ids);
    expect(during.filter((row) => row.status === 'delivered')).toHaveLength(0);
    expect(await layover.ctx.metrics.oracle.failureCount('rpcUnavailable')).toBeGreaterThan(0);
    proxy.mode = 'up';
    await waitDelivered(ids);
    const rows = await outboxRows(db(), ids);
    const state = await onChain(
      chain,
      layover.contracts.Prizes as Address,
      rows.map((row) => row.claimId),
    );
    expect(state.claimed).toBe(60);
    expect(state.minted - before).toBe(60n);
  });

  it('leaves no nonce gap and nothing stuck when every other send fails', async () => {
    const before = await mintedCount();
    proxy.mode = 'flakySends';
    const ids = await queuePrizes(db(), 60);
    await waitDelivered(ids);
    proxy.mode = 'up';
    expect(proxy.sends.failed).toBeGreaterThanOrEqual(3);
    const oracle = (await db().select().from(mintAttempts)).filter(
      (attempt) => attempt.status === 'confirmed',
    );
    const nonces = oracle.map((attempt) => attempt.nonce).sort((a, b) => a - b);
    expect(nonces).toEqual(nonces.map((_, index) => (nonces[0] ?? 0) + index));
    const from = (await chain.getTransaction({ hash: oracle[0]?.txHash as Hex })).from;
    const [latest, pending] = await Promise.all([
      chain.getTransactionCount({ address: from, blockTag: 'latest' }),
      chain.getTransactionCount({ address: from, blockTag: 'pending' }),
    ]);
    expect(pending).toBe(latest);
    expect(latest).toBe((nonces.at(-1) ?? 0) + 1);
    const rows = await outboxRows(db(), ids);
    const state = await onChain(
      chain,
      layover.contracts.Prizes as Address,
      rows.map((row) => row.claimId),
    );
    expect(state).toEqual({ minted: before + 60n, claimed: 60 });
  });

  it('mints once across a reorg and shows delivered only after its confirmations', async () => {
    const before = await mintedCount();
    settings().confirmations = 3;
    try {
      const [id] = await queuePrizes(db(), 1);
      let row = (await outboxRows(db(), [id ?? 0]))[0];
      const deadline = Date.now() + 20_000;
      while (row?.status !== 'mined' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        row = (await outboxRows(db(), [id ?? 0]))[0];
      }
      expect(row?.status).toBe('mined');
      const firstHash = row?.txHash as Hex;
      await chain.request({ method: 'anvil_reorg' as never, params: [1, []] as never });
      expect((await outboxRows(db(), [id ?? 0]))[0]?.status).not.toBe('delivered');
      const seen: { status: string; head: bigint }[] = [];
      while (Date.now() < deadline + 20_000) {
        await chain.request({ method: 'anvil_mine' as never, params: ['0x1'] as never });
        await new Promise((resolve) => setTimeout(resolve, 150));
        const current = (await outboxRows(db(), [id ?? 0]))[0];
        seen.push({ status: current?.status ?? '', head: await chain.getBlockNumber({ cacheTime: 0 }) });
        if (current?.status === 'delivered') {
          const receipt = await chain.getTransactionReceipt({ hash: current.txHash as Hex });
          expect(receipt.blockNumber + 2n).toBeLessThanOrEqual(seen.at(-1)?.head ?? 0n);
          break;
        }
      }
      expect(seen.at(-1)?.status).toBe('delivered');
      expect(firstHash).toMatch(/^0x/);
      expect(await layover.ctx.metrics.oracle.failureCount('reorg')).toBeGreaterThanOrEqual(1);
      const rows = await outboxRows(db(), [id ?? 0]);
      expect(
        await onChain(
          chain,
          layover.contracts.Prizes as Address,
          rows.map((r) => r.claimId),
        ),
      ).toEqual({
        minted: before + 1n,
        claimed: 1,
      });
    } finally {
      settings().confirmations = 1;
    }
  });

  it('replaces a stuck mint with higher, capped fees and mints it once', async () => {
    const before = await mintedCount();
    const original = { ...settings() };
    const fees = await chain.estimateFeesPerGas();
    const cap = (fees.maxFeePerGas * 3n) / 2n;
    Object.assign(settings(), { stuckMs: 700, maxFeePerGas: cap });
    await chain.request({ method: 'evm_setAutomine' as never, params: [false] as never });
    let ids: number[] = [];
    let attempts: (typeof mintAttempts.$inferSelect)[] = [];
    try {
      ids = await queuePrizes(db(), 3);
      const deadline = Date.now() + 20_000;
      const read = async () =>
        (await db().select().from(mintAttempts)).filter((a) => a.outboxIds.includes(ids[0] ?? -1));
      // Bids rise until the next one would be capped under the 10% a node asks of a replacement; then it stops.
      let stableSince = Date.now();
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        const now = await read();
        if (now.length !== attempts.length) stableSince = Date.now();
        attempts = now;
        if (attempts.length >= 3 && Date.now() - stableSince > 2_000) break;
      }
    } finally {
      await chain.request({ method: 'evm_setAutomine' as never, params: [true] as never });
      await chain.request({ method: 'evm_mine' as never, params: [] as never });
      Object.assign(settings(), original);
    }
    // Several attempts for one nonce, each at least 10% dearer than the last, none above the cap.
    expect(new Set(attempts.map((a) => a.nonce)).size).toBe(1);
    const paid = attempts.map((a) => BigInt(a.maxFeePerGas));
    expect(paid.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < paid.length; i++) expect((paid[i] ?? 0n) > (paid[i - 1] ?? 0n)).toBe(true);
    expect(paid.every((fee) => fee <= cap)).toBe(true);
    for (let i = 1; i < paid.length; i++)
      expect((paid[i] ?? 0n) * 10n >= (paid[i - 1] ?? 0n) * 11n).toBe(true);
    expect(cap * 10n < (paid.at(-1) ?? 0n) * 11n).toBe(true);

    await waitDelivered(ids);
    const rows = await outboxRows(db(), ids);
    expect(
      await onChain(
        chain,
        layover.contracts.Prizes as Address,
        rows.map((row) => row.claimId),
      ),
    ).toEqual({
      minted: before + 3n,
      claimed: 3,
    });
    const nonce = attempts[0]?.nonce;
    const settled = (await db().select().from(mintAttempts)).filter((a) => a.nonce === nonce);
    expect(settled.filter((a) => a.status === 'confirmed')).toHaveLength(1);
    expect(await layover.ctx.metrics.oracle.replacementCount()).toBeGreaterThanOrEqual(2);
  });

  it('mints a guest prize to custody and transfers it once the guest links a wallet', async () => {
    const custody = ANVIL_ACCOUNTS.oracle.address.toLowerCase() as Address;
    {
      const { db: ledger } = layover.ctx.ledger;
      const guest = await createMember(ledger, { displayName: 'Guest winner' });
      const row = await ledger.transaction((tx) =>
        queueAward(tx, {
          kind: 'prize',
          memberId: guest.id,
          itemId: 'lounge-day-pass',
          eventId: `custody-test:${guest.id}`,
          source: 'oracle-test',
          at: new Date(),
          custody,
        }),
      );
      expect(row).toMatchObject({ status: 'queued', recipient: custody, custody });
      const balance = (owner: Address) =>
        chain.readContract({
          address: layover.contracts.Prizes as Address,
          abi: prizesAbi,
          functionName: 'balanceOf',
          args: [owner, 1n],
        });
      const inCustodyBefore = await balance(custody);
      await waitDelivered([row.id]);
      expect(await balance(custody)).toBe(inCustodyBefore + 1n);
      const snapshot = await loadQuestsSnapshot(ledger, guest.id, Date.now(), questContent);
      expect(snapshot.prizes).toEqual([expect.objectContaining({ state: 'held', to: null })]);

      const wallet = '0x00000000000000000000000000000000c0ffee01' as Address;
      await linkMemberAddress(ledger, guest.id, wallet);
      const deadline = Date.now() + 20_000;
      let moved = (await outboxRows(ledger, [row.id]))[0];
      while (!(moved?.status === 'delivered' && moved.recipient === wallet) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        moved = (await outboxRows(ledger, [row.id]))[0];
      }
      expect(moved).toMatchObject({ status: 'delivered', recipient: wallet, custody });
      expect(await balance(wallet)).toBe(1n);
      expect(await balance(custody)).toBe(inCustodyBefore);
      const after = await loadQuestsSnapshot(ledger, guest.id, Date.now(), questContent);
      expect(after.prizes).toEqual([expect.objectContaining({ state: 'delivered', to: wallet })]);
    }
  });

  it('reports queue depth, mints and failures on /metrics', async () => {
    const text = await (await fetch(`${layover.metricsUrl}/metrics`)).text();
    expect(text).toMatch(/^layover_oracle_leader 1$/m);
    expect(text).toMatch(/^layover_oracle_queue_depth\{status="queued"\} 0$/m);
    expect(text).toMatch(/^layover_oracle_delivered_total\{kind="prize"\} 125$/m);
    expect(text).toMatch(/^layover_oracle_delivered_total\{kind="transfer"\} 1$/m);
    expect(text).toMatch(/^layover_oracle_failures_total\{cause="rpcUnavailable"\} [1-9]\d*$/m);
    expect(text).toMatch(/^layover_oracle_mints_per_minute \d+$/m);
    expect(text).toMatch(/^layover_oracle_delivery_seconds_count\{kind="prize"\} 125$/m);
    expect(text).toMatch(/^layover_ledger_query_seconds_count\{operation="select"\} [1-9]\d*$/m);
    expect(text).toMatch(/^layover_rooms\{room="lounge"\} \d+$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds [\d.e-]+$/m);
  });

  it('relays allow-listed chain calls for the browser on /rpc and refuses the rest', async () => {
    const health = await (await fetch(`${layover.url}/health`)).json();
    expect(health.rpcUrl).toBe('/rpc');
    const call = (body: unknown) =>
      fetch(`${layover.url}/rpc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const chainId = await call({ jsonrpc: '2.0', id: 1, method: 'eth_chainId' });
    expect(await chainId.json()).toMatchObject({ id: 1, result: '0x7a69' });
    for (const method of ['anvil_setBalance', 'eth_sendTransaction', 'evm_mine', 'eth_accounts']) {
      const refused = await call({ jsonrpc: '2.0', id: 2, method, params: [] });
      expect(refused.status).toBe(400);
      expect((await refused.json()).error).toBe('rpcRefused');
    }
    const batch = Array.from({ length: 21 }, (_, id) => ({ jsonrpc: '2.0', id, method: 'eth_blockNumber' }));
    expect((await call(batch)).status).toBe(400);
    const ok = await call(batch.slice(0, 2));
    expect((await ok.json()).map((answer: { id: number }) => answer.id)).toEqual([0, 1]);
  });
});
