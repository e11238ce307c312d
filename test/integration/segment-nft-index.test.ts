import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import {
  type Abi,
  type Address,
  createPublicClient,
  createTestClient,
  createWalletClient,
  encodeFunctionData,
  type Hex,
  http,
  parseEther,
} from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loungePassAbi } from '../../contracts/abi/LoungePass.ts';
import { partnerPassAbi } from '../../contracts/abi/PartnerPass.ts';
import { issueSession } from '../../server/auth/sessions.ts';
import { ANVIL_ACCOUNTS } from '../../server/chain/anvil.ts';
import { mintDevPass, PassTier } from '../../server/chain/dev-pass.ts';
import { startNftIndex } from '../../server/chain/indexer/nft-index.ts';
import { createMember } from '../../server/db/members.ts';
import { nftTransfers } from '../../server/db/nft-index-schema.ts';
import type { Db } from '../../server/db/open.ts';
import { memberCredentials } from '../../server/db/schema.ts';
import { emailPrincipal, grantStaffRole } from '../../server/live-events/staff.ts';
import type { RunningLayover } from '../../server/main.ts';
import { routes } from '../../shared/protocol/routes.ts';
import type { StaffRoleName } from '../../shared/protocol/staff-roles.ts';
import { eventually, postJson, startTestLayover } from '../support/layover.ts';

// Segments on a gate's NFT (issue 20) from the ledger's Transfer-log index, on a real server and anvil: a PartnerPass
// received and sent away, a LoungePass moving between members' wallets and changing tier, and a contract that a newly
// published gate names, indexed from its deploy block without a restart.

let layover: RunningLayover;
let db: Db;
let operator: string;
const transport = () => http(layover.rpcUrl);
const chain = () => createPublicClient({ chain: foundry, transport: transport() });

/** A member with a funded wallet of their own. */
type Holder = { name: string; key: Hex; address: Address };
const holders: Record<'ana' | 'bao', Holder> = {} as never;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
async function preview(filter: object, token = operator): Promise<{ status: number; body: any }> {
  const response = await fetch(`${layover.url}${routes.consoleSegmentPreview.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ filter }),
  });
  return { status: response.status, body: await response.json() };
}

/** Polls the preview until it answers `names` (sorted), so the index has applied the transfers before. */
async function holdersOf(room: string, names: string[]): Promise<void> {
  let last: unknown;
  await eventually(
    async () => {
      const answer = await preview({ holdsGate: room });
      last = answer.body;
      const got = (answer.body.sample ?? []).map((row: { displayName: string }) => row.displayName).sort();
      return answer.status === 200 && answer.body.size === names.length && `${got}` === `${[...names].sort()}`
        ? true
        : undefined;
    },
    `${room} holders ${names} (last answer ${JSON.stringify(last)})`,
    15_000,
  );
}

/** Sends a transaction from `key`, waits for it, and mines one more block (ORACLE_CONFIRMATIONS is 1). */
async function send(
  key: Hex,
  call: { address: Address; abi: Abi; functionName: string; args: readonly unknown[] },
) {
  const wallet = createWalletClient({
    account: privateKeyToAccount(key),
    chain: foundry,
    transport: transport(),
  });
  const client = createPublicClient({ chain: foundry, transport: transport() });
  const hash = await wallet.writeContract(call as never);
  const receipt = await client.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe('success');
  await createTestClient({ mode: 'anvil', chain: foundry, transport: transport() }).mine({ blocks: 1 });
  return receipt;
}

/** A second partner's ERC-721 (a PartnerPass deployed by a fresh brand key) and a signer of its mints. */
async function deployPartnerPass(): Promise<{ address: Address; mintRaw: (to: Address) => Promise<Hex> }> {
  const account = privateKeyToAccount(generatePrivateKey());
  await createTestClient({ mode: 'anvil', chain: foundry, transport: transport() }).setBalance({
    address: account.address,
    value: parseEther('10'),
  });
  const artifact = JSON.parse(
    await readFile(join(import.meta.dirname, '../../contracts/out/PartnerPass.json'), 'utf8'),
  );
  const wallet = createWalletClient({ account, chain: foundry, transport: transport() });
  const deployed = await chain().waitForTransactionReceipt({
    hash: await wallet.deployContract({
      abi: partnerPassAbi,
      bytecode: artifact.bytecode,
      args: [account.address],
    }),
  });
  const address = deployed.contractAddress as Address;
  const mintRaw = async (to: Address) =>
    wallet.signTransaction(
      await wallet.prepareTransactionRequest({
        to: address,
        data: encodeFunctionData({ abi: partnerPassAbi, functionName: 'mint', args: [to] }),
      }),
    );
  return { address, mintRaw };
}

async function staff(role: StaffRoleName): Promise<string> {
  const record = await createMember(db, { displayName: `Staff ${role}` });
  const email = `${role}-${record.id.slice(0, 6)}@brand.example`;
  await db
    .insert(memberCredentials)
    .values({ id: randomUUID(), memberId: record.id, kind: 'email', subject: email });
  await grantStaffRole(db, emailPrincipal(email), role);
  return (await issueSession(db, record.id, 'email', 3_600_000)).token;
}

beforeAll(async () => {
  layover = await startTestLayover();
  db = layover.ctx.ledger.db;
  operator = await staff('content');
  const anvil = createTestClient({ mode: 'anvil', chain: foundry, transport: transport() });
  for (const name of ['ana', 'bao'] as const) {
    const key = generatePrivateKey();
    const { address } = privateKeyToAccount(key);
    await anvil.setBalance({ address, value: parseEther('10') });
    await createMember(db, { displayName: `Holder ${name}`, address });
    holders[name] = { name: `Holder ${name}`, key, address };
  }
}, 60_000);

afterAll(async () => {
  await layover?.stop();
});

describe('segments on a gate NFT, from the Transfer-log index', () => {
  it('counts a PartnerPass holder of the suite gate, and drops them once the pass is sent away', async () => {
    await holdersOf('suite', []);
    const partner = layover.contracts.PartnerPass as Address;
    const mint = await send(ANVIL_ACCOUNTS.partner.privateKey, {
      address: partner,
      abi: partnerPassAbi,
      functionName: 'mint',
      args: [holders.ana.address],
    });
    await holdersOf('suite', [holders.ana.name]);
    const tokenId = BigInt(mint.logs[0]?.topics[3] ?? '0x0');
    await send(holders.ana.key, {
      address: partner,
      abi: partnerPassAbi,
      functionName: 'transferFrom',
      args: [holders.ana.address, privateKeyToAccount(generatePrivateKey()).address, tokenId],
    });
    await holdersOf('suite', []);
  }, 30_000);

  it('moves the vip count with a Gold LoungePass sent to another member, and follows tier changes', async () => {
    const pass = layover.contracts.LoungePass as Address;
    const faucet = ANVIL_ACCOUNTS.faucet.privateKey;
    const gold = await mintDevPass({
      rpcUrl: layover.rpcUrl,
      pass,
      minterKey: faucet,
      to: holders.ana.address,
      tier: PassTier.gold,
    });
    const silver = await mintDevPass({
      rpcUrl: layover.rpcUrl,
      pass,
      minterKey: faucet,
      to: holders.bao.address,
      tier: PassTier.silver,
    });
    await createTestClient({ mode: 'anvil', chain: foundry, transport: transport() }).mine({ blocks: 1 });
    await holdersOf('vip', [holders.ana.name]);
    await send(holders.ana.key, {
      address: pass,
      abi: loungePassAbi,
      functionName: 'transferFrom',
      args: [holders.ana.address, holders.bao.address, gold],
    });
    await holdersOf('vip', [holders.bao.name]);
    // Bao's Silver becomes Gold and goes to Ana: both count again.
    await send(faucet, { address: pass, abi: loungePassAbi, functionName: 'setTier', args: [silver, 2] });
    await send(holders.bao.key, {
      address: pass,
      abi: loungePassAbi,
      functionName: 'transferFrom',
      args: [holders.bao.address, holders.ana.address, silver],
    });
    await holdersOf('vip', [holders.ana.name, holders.bao.name]);
  }, 30_000);

  it('indexes a contract a newly published gate names, from its deploy block, without a restart', async () => {
    const { address: other, mintRaw } = await deployPartnerPass();
    const minted = await chain().sendRawTransaction({
      serializedTransaction: await mintRaw(holders.bao.address),
    });
    await chain().waitForTransactionReceipt({ hash: minted });
    await createTestClient({ mode: 'anvil', chain: foundry, transport: transport() }).mine({ blocks: 1 });
    expect(layover.ctx.nftIndex?.caughtUp(other)).toBe(false);

    const { content } = layover.ctx;
    const published = await content.publish({
      baseVersion: content.current().version,
      changes: [
        {
          kind: 'gate',
          id: 'suite',
          body: { anyOf: [{ contract: other, standard: 'erc721', minBalance: 1 }] },
        },
      ],
      by: 'segment-nft-index test',
    });
    expect(published.ok).toBe(true);
    await holdersOf('suite', [holders.bao.name]);
  }, 30_000);

  it('rolls a contract back to the fork point when a reorg moves an applied transfer, and keeps it once', async () => {
    const { address: other, mintRaw } = await deployPartnerPass();
    const config = layover.ctx.config;
    const index = startNftIndex(
      { ...layover.ctx, config: { ...config, oracle: { ...config.oracle, confirmations: 0 } } },
      { client: chain(), pollMs: 0 },
    );
    index.follow([other]);
    await index.tick();
    expect(index.caughtUp(other)).toBe(true);
    const raw = await mintRaw(holders.ana.address);
    const hash = await chain().sendRawTransaction({ serializedTransaction: raw });
    const first = await chain().waitForTransactionReceipt({ hash });
    await index.tick();
    await index.tick();
    const rows = () => db.select().from(nftTransfers).where(eq(nftTransfers.contract, other.toLowerCase()));
    expect(await rows()).toEqual([
      expect.objectContaining({ txHash: hash, toAddress: holders.ana.address.toLowerCase(), amount: '1' }),
    ]);
    await chain().request({ method: 'anvil_reorg' as never, params: [1, [[raw, 0]]] as never });
    expect((await chain().getTransactionReceipt({ hash })).blockHash).not.toBe(first.blockHash);
    await index.tick();
    expect(index.stats.rollbacks).toBe(1);
    expect(await rows()).toEqual([expect.objectContaining({ txHash: hash })]);
    await index.stop();
  });

  it('sizes no segment for a guest or a member without the campaigns capability', async () => {
    const guest = await postJson(`${layover.url}/auth/guest`, { name: 'Curious' });
    expect((await preview({ holdsGate: 'suite' }, guest.body.token)).status).toBe(403);
    const host = await preview({ holdsGate: 'suite' }, await staff('host'));
    expect([host.status, host.body.error]).toEqual([403, 'roleRequired']);
  });
});
