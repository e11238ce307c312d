import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Address, createPublicClient, erc721Abi, http, type PublicClient } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployContracts } from '../../contracts/deploy.ts';
import { ANVIL_ACCOUNTS, type AnvilInstance, startAnvil } from '../../server/chain/anvil.ts';
import { mintDevPass, PassTier } from '../../server/chain/dev-pass.ts';
import { OwnershipReader } from '../../server/chain/ownership.ts';
import { HoldingsChanges, startTransferWatcher } from '../../server/chain/transfer-watcher.ts';
import { evaluateGate } from '../../server/domain/gates.ts';
import type { GateRule } from '../../shared/content/gates.ts';

const MAX_RANGE = 1_000n;
const ALICE = '0x00000000000000000000000000000000000a11ce' as Address;
const BOB = '0x0000000000000000000000000000000000000b0b' as Address;

let anvil: AnvilInstance;
let dir: string;
let proxy: { url: string; server: Server; refused: number; widest: bigint };
let pass: Address;
let deployedAt: bigint;

/** A node in front of anvil that behaves like a public RPC: no filters, and no getLogs over MAX_RANGE blocks. */
async function startRangeLimitedNode(target: string): Promise<typeof proxy> {
  const state = { url: '', server: createServer(), refused: 0, widest: 0n };
  const head = async () => {
    const answer = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber' }),
    });
    return BigInt(((await answer.json()) as { result: string }).result);
  };
  const block = async (tag: unknown) =>
    typeof tag === 'string' && tag.startsWith('0x') ? BigInt(tag) : head();
  state.server.on('request', async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    const request = JSON.parse(body) as {
      id: unknown;
      method: string;
      params?: { fromBlock?: unknown; toBlock?: unknown }[];
    };
    const refuse = (message: string) =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ jsonrpc: '2.0', id: request.id, error: { code: -32600, message } }));
    if (request.method === 'eth_newFilter' || request.method === 'eth_newBlockFilter')
      return refuse('filters are not supported');
    if (request.method === 'eth_getLogs') {
      const filter = request.params?.[0] ?? {};
      const span = (await block(filter.toBlock)) - (await block(filter.fromBlock ?? 'latest')) + 1n;
      if (span > state.widest) state.widest = span;
      if (span > MAX_RANGE) {
        state.refused += 1;
        return refuse(`query exceeds max block range ${MAX_RANGE}`);
      }
    }
    const answer = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(await answer.text());
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

function readerThrough(url: string, logRange?: bigint): OwnershipReader {
  return new OwnershipReader({
    rpcUrl: url,
    chain: undefined,
    contracts: { LoungePass: pass },
    readMode: { kind: 'parallel' },
    passFromBlock: deployedAt,
    ...(logRange ? { logRange } : {}),
  });
}

async function mine(blocks: number): Promise<void> {
  await fetch(anvil.rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'anvil_mine',
      params: [`0x${blocks.toString(16)}`],
    }),
  });
}

const mintTo = (to: Address) =>
  mintDevPass({
    rpcUrl: anvil.rpcUrl,
    pass,
    minterKey: ANVIL_ACCOUNTS.oracle.privateKey,
    to,
    tier: PassTier.gold,
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-log-chunks-'));
  anvil = await startAnvil();
  const deployment = await deployContracts({
    rpcUrl: anvil.rpcUrl,
    deployerKey: ANVIL_ACCOUNTS.deployer.privateKey,
    minterAddress: ANVIL_ACCOUNTS.oracle.address,
    deploymentsDir: dir,
  });
  pass = deployment.contracts.LoungePass;
  const direct = createPublicClient({ transport: http(anvil.rpcUrl) });
  deployedAt = await direct.getBlockNumber({ cacheTime: 0 });
  await mintTo(ALICE);
  await mine(2_500);
  await mintTo(BOB);
  proxy = await startRangeLimitedNode(anvil.rpcUrl);
});

afterAll(async () => {
  proxy?.server.closeAllConnections();
  await new Promise((resolve) => proxy?.server.close(resolve));
  await anvil?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the Transfer log index against a node that refuses wide getLogs', () => {
  it('indexes LoungePass owners across 2,500 blocks in pieces of at most 1,000 blocks', async () => {
    const reader = readerThrough(proxy.url);
    const head = await reader.client.getBlockNumber({ cacheTime: 0 });
    await reader.indexPass(head);
    expect(reader.passTokensOf(ALICE)).toHaveLength(1);
    expect(reader.passTokensOf(BOB)).toHaveLength(1);
    expect(proxy.refused).toBe(0);
    expect(proxy.widest).toBeLessThanOrEqual(MAX_RANGE);
  });

  it('reads in pieces of CHAIN_LOG_RANGE when it is set narrower', async () => {
    proxy.widest = 0n;
    const reader = readerThrough(proxy.url, 300n);
    await reader.indexPass(await reader.client.getBlockNumber({ cacheTime: 0 }));
    expect(reader.passTokensOf(BOB)).toHaveLength(1);
    expect(proxy.widest).toBe(300n);
  });

  it('lets a watcher that starts far behind the head catch up without a refused range', async () => {
    const reader = readerThrough(proxy.url);
    const changes = new HoldingsChanges();
    const seen = new Set<string>();
    changes.on((addresses) => {
      for (const address of addresses) seen.add(address);
    });
    const errors: Error[] = [];
    const client = createPublicClient({ transport: http(proxy.url) }) as PublicClient;
    const watcher = startTransferWatcher({
      client,
      reader,
      contracts: [pass],
      fromBlock: deployedAt,
      changes,
      pollingIntervalMs: 50,
      onError: (error) => errors.push(error),
    });
    try {
      await expect.poll(() => seen.has(BOB.toLowerCase()), { timeout: 30_000 }).toBe(true);
      expect(seen.has(ALICE.toLowerCase())).toBe(true);
      const carol = '0x00000000000000000000000000000000000ca201' as Address;
      await mintTo(carol);
      await expect.poll(() => seen.has(carol), { timeout: 30_000 }).toBe(true);
      expect(errors).toEqual([]);
      expect(proxy.refused).toBe(0);
    } finally {
      watcher.stop();
    }
  });
});

describe('a pass the watcher indexes while a gate check reads the chain', () => {
  it("reads the new pass's tier instead of refusing its holder (CI saw a Gold holder refused vip)", async () => {
    const dave = '0x000000000000000000000000000000000000da7e' as Address;
    const reader = readerThrough(anvil.rpcUrl);
    await reader.indexPass(await reader.client.getBlockNumber({ cacheTime: 0 }));
    const tokenId = await mintTo(dave);
    const [log] = await reader.client.getLogs({
      address: pass,
      event: erc721Abi.find((item) => item.type === 'event' && item.name === 'Transfer')!,
      args: { to: dave },
      fromBlock: deployedAt,
    });
    const goldRule: GateRule = {
      anyOf: [{ contract: 'LoungePass', standard: 'erc721', minTier: 2, minBalance: 1 }],
    };
    // The check decides what to read before its first await; the watcher's log lands while that read is out.
    const checking = reader.holdingsFor(dave, goldRule);
    reader.apply([
      {
        contract: pass,
        from: log!.args.from!,
        to: dave,
        tokenId,
        blockNumber: log!.blockNumber,
        logIndex: log!.logIndex,
      },
    ]);
    const holdings = await checking;
    expect(holdings.LoungePass?.tokens).toEqual([{ id: tokenId, tier: PassTier.gold }]);
    expect(evaluateGate(goldRule, holdings).allowed).toBe(true);
  });
});
