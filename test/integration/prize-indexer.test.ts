import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  type Address,
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  type Hex,
  http,
  type PublicClient,
  toHex,
} from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import { ANVIL_ACCOUNTS } from '../../server/chain/anvil.ts';
import { prizeHoldings } from '../../server/chain/indexer/holdings.ts';
import { startPrizeIndexer } from '../../server/chain/prize-indexer.ts';
import { loadConfig } from '../../server/config.ts';
import { createMember } from '../../server/db/members.ts';
import { perks, prizeTransfers } from '../../server/db/perks-schema.ts';
import { relayedActions } from '../../server/db/relay-schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { prizeById } from '../../shared/content/prizes.ts';
import { startTestLayover } from '../support/layover.ts';

// The prize indexer against a real anvil and PGlite: PrizeRedeemed becomes a perk only after its confirmations, a
// reorg that drops the redeem before then leaves no perk, a reorg under an applied block rolls back and never
// fulfils twice; custody redemptions go to the member recorded with the relayed tx. The server's oracle is off so the
// test mints with the minter key itself, and the indexer's ticks are driven by the test (pollMs 0).
const VOUCHER = BigInt(prizeById('upgrade-voucher').tokenId);
let layover: RunningLayover;
let chain: PublicClient;

beforeAll(async () => {
  const defaults = loadConfig({}).oracle;
  layover = await startTestLayover({ oracle: { ...defaults, enabled: false } });
  chain = createPublicClient({ chain: foundry, transport: http(layover.rpcUrl) });
}, 180_000);

afterAll(async () => {
  await layover?.stop();
}, 60_000);

const db = () => layover.ctx.ledger.db;
const prizes = () => layover.contracts.Prizes as Address;
const rpc = (method: string, params: unknown[]) =>
  chain.request({ method: method as never, params: params as never });
const mine = (blocks: number) => rpc('anvil_mine', [toHex(blocks)]);

/** A member holding `count` vouchers in a fresh funded wallet. */
async function holder(count: number, address?: Address) {
  const key = generatePrivateKey();
  const account = privateKeyToAccount(key);
  const wallet = createWalletClient({ account, chain: foundry, transport: http(layover.rpcUrl) });
  await rpc('anvil_setBalance', [account.address, toHex(10n ** 18n)]);
  const member = await createMember(db(), { displayName: 'Redeemer', address: address ?? account.address });
  const minter = createWalletClient({
    account: privateKeyToAccount(ANVIL_ACCOUNTS.oracle.privateKey),
    chain: foundry,
    transport: http(layover.rpcUrl),
  });
  for (let i = 0; i < count; i++) {
    const hash = await minter.writeContract({
      address: prizes(),
      abi: prizesAbi,
      functionName: 'mintPrize',
      args: [account.address, VOUCHER, `0x${randomBytes(32).toString('hex')}`],
    });
    await chain.waitForTransactionReceipt({ hash });
  }
  /** Signs a redeem of one voucher (kept so a reorg can re-include the same transaction). */
  const signedRedeem = async (): Promise<Hex> => {
    const request = await wallet.prepareTransactionRequest({
      to: prizes(),
      data: encodeFunctionData({ abi: prizesAbi, functionName: 'redeem', args: [VOUCHER, 1n] }),
    });
    return wallet.signTransaction(request);
  };
  const redeem = async () => {
    const hash = await chain.sendRawTransaction({ serializedTransaction: await signedRedeem() });
    return chain.waitForTransactionReceipt({ hash });
  };
  return { memberId: member.id, address: account.address, redeem, signedRedeem };
}

function indexer(custodyAddress?: string) {
  return startPrizeIndexer(
    { ...layover.ctx, custodyAddress },
    { client: chain, prizes: prizes(), fromBlock: 0n, pollMs: 0, cursorId: `test-${randomUUID()}` },
  );
}

const perksOf = (memberId: string) => db().select().from(perks).where(eq(perks.memberId, memberId));

describe('the prize indexer', () => {
  it('issues one perk for an on-chain redeem only once it has its confirmations', async () => {
    layover.ctx.config.oracle.confirmations = 2;
    const member = await holder(2);
    const follow = indexer();
    const receipt = await member.redeem();
    await follow.tick();
    expect(await perksOf(member.memberId)).toHaveLength(0);
    await mine(2);
    await follow.tick();
    await follow.tick();
    const rows = await perksOf(member.memberId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      prizeId: 'upgrade-voucher',
      kind: 'generatedCode',
      state: 'ready',
      redemptionKey: `chain:${receipt.transactionHash}:${receipt.logs.find((log) => log.topics.length === 3)?.logIndex}`,
    });
    expect(rows[0]?.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    const moves = await db()
      .select()
      .from(prizeTransfers)
      .where(eq(prizeTransfers.txHash, receipt.transactionHash));
    expect(moves).toEqual([
      expect.objectContaining({
        fromAddress: member.address.toLowerCase(),
        toAddress: `0x${'0'.repeat(40)}`,
        amount: 1,
      }),
    ]);
    expect(follow.stats.redemptions).toBe(1);
    expect(await prizeHoldings(db(), member.address)).toEqual(new Map([[Number(VOUCHER), 1]]));
    await follow.stop();
  });

  it('gives no perk for a redeem a reorg removed before its confirmations, and one for its re-mined redeem', async () => {
    layover.ctx.config.oracle.confirmations = 2;
    const member = await holder(1);
    const follow = indexer();
    await follow.tick();
    await member.redeem();
    await follow.tick();
    await rpc('anvil_reorg', [1, []]);
    await mine(3);
    await follow.tick();
    expect(await perksOf(member.memberId)).toHaveLength(0);
    const balance = await chain.readContract({
      address: prizes(),
      abi: prizesAbi,
      functionName: 'balanceOf',
      args: [member.address, VOUCHER],
    });
    expect(balance).toBe(1n);
    const again = await member.redeem();
    await mine(2);
    await follow.tick();
    const rows = await perksOf(member.memberId);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.redemptionKey.startsWith(`chain:${again.transactionHash}:`)).toBe(true);
    await follow.stop();
  });

  it('rolls back to the fork point under an applied block and does not fulfil the re-mined redeem twice', async () => {
    layover.ctx.config.oracle.confirmations = 0;
    const member = await holder(1);
    const follow = indexer();
    const raw = await member.signedRedeem();
    const hash = await chain.sendRawTransaction({ serializedTransaction: raw });
    const first = await chain.waitForTransactionReceipt({ hash });
    await follow.tick();
    expect(await perksOf(member.memberId)).toHaveLength(1);
    await rpc('anvil_reorg', [1, [[raw, 0]]]);
    const moved = await chain.getTransactionReceipt({ hash });
    expect(moved.blockHash).not.toBe(first.blockHash);
    await follow.tick();
    await mine(1);
    await follow.tick();
    expect(follow.stats.rollbacks).toBe(1);
    expect(await perksOf(member.memberId)).toHaveLength(1);
    const moves = await db().select().from(prizeTransfers).where(eq(prizeTransfers.txHash, hash));
    expect(moves).toHaveLength(1);
    await follow.stop();
  });

  it("gives a custody redemption to the member who asked for it, and nothing for a stranger's wallet", async () => {
    layover.ctx.config.oracle.confirmations = 0;
    const custody = await holder(1);
    const asker = await createMember(db(), { displayName: 'Custody Asker' });
    const stranger = await holder(1, privateKeyToAccount(generatePrivateKey()).address);
    const follow = indexer(custody.address.toLowerCase());
    await follow.tick();
    const receipt = await custody.redeem();
    await db()
      .insert(relayedActions)
      .values({
        memberId: asker.id,
        kind: 'redeem',
        place: 'custody',
        prizeId: 'upgrade-voucher',
        tokenId: Number(VOUCHER),
        amount: 1,
        status: 'sent',
        txHash: receipt.transactionHash,
      });
    await stranger.redeem();
    await follow.tick();
    expect(await perksOf(asker.id)).toHaveLength(1);
    expect(await perksOf(custody.memberId)).toHaveLength(0);
    expect(await perksOf(stranger.memberId)).toHaveLength(0);
    expect(follow.stats.unmatched).toBe(1);
    await follow.stop();
  });
});
