import { Client, type Room } from '@colyseus/sdk';
import { createPublicClient, createWalletClient, type Hex, http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loungePassAbi } from '../../contracts/abi/LoungePass.ts';
import { partnerPassAbi } from '../../contracts/abi/PartnerPass.ts';
import { ANVIL_ACCOUNTS } from '../../server/chain/anvil.ts';
import { mintDevPass, PassTier } from '../../server/chain/dev-pass.ts';
import { memberStamps } from '../../server/db/schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { JoinErrorCode, LeaveCode } from '../../shared/protocol/join.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { postJson, startTestLayover, waitFor } from '../support/layover.ts';

let layover: RunningLayover;
const rooms: Room<unknown, LoungeState>[] = [];

type TestWallet = { token: string; privateKey: Hex; address: `0x${string}`; passTokenId: string };

async function testWallet(name: string): Promise<TestWallet> {
  const { status, body } = await postJson(`${layover.url}/auth/test-wallet`, { name });
  expect(status).toBe(200);
  return body;
}

async function join(room: 'vip' | 'suite' | 'lounge', token: string): Promise<Room<unknown, LoungeState>> {
  const joined = await new Client(layover.url).joinOrCreate<LoungeState>(room, { token });
  rooms.push(joined);
  await waitFor(() => joined.state?.members?.get(joined.sessionId), 5000, 'member in state');
  return joined;
}

async function joinError(room: 'vip' | 'suite', token: string): Promise<{ code: number; message: string }> {
  try {
    rooms.push(await new Client(layover.url).joinOrCreate<LoungeState>(room, { token }));
  } catch (error) {
    const { code, message } = error as { code: number; message: string };
    return { code, message };
  }
  throw new Error(`expected joining ${room} to fail`);
}

function chain(key: Hex = ANVIL_ACCOUNTS.deployer.privateKey) {
  const transport = http(layover.rpcUrl);
  return {
    publicClient: createPublicClient({ chain: foundry, transport }),
    wallet: createWalletClient({ account: privateKeyToAccount(key), chain: foundry, transport }),
  };
}

beforeAll(async () => {
  layover = await startTestLayover();
}, 60_000);

afterAll(async () => {
  await Promise.all(
    rooms.filter((room) => room.connection.isOpen).map((room) => room.leave().catch(() => {})),
  );
  await layover?.stop();
});

describe('NFT-gated rooms', () => {
  it('admits a Gold holder (the dev test wallet comes with one) to vip, with few RPC calls', async () => {
    const holder = await testWallet('Gold');
    expect(holder.passTokenId).toMatch(/^\d+$/);
    const reader = layover.ctx.gates.reader;
    const timedJoin = async () => {
      const before = reader.rpcRequests;
      const startedAt = performance.now();
      const room = await join('vip', holder.token);
      const took = performance.now() - startedAt;
      expect(room.state.members.size).toBe(1);
      await room.leave();
      return { calls: reader.rpcRequests - before, took };
    };
    const cold = await timedJoin();
    const warm = await timedJoin();
    console.log(
      `gates: vip join cold ${cold.took.toFixed(0)} ms / ${cold.calls} gate RPC calls, warm ${warm.took.toFixed(0)} ms / ${warm.calls}`,
    );
    expect(cold.calls).toBeLessThanOrEqual(5);
    expect(warm.calls).toBe(0);
  });

  it('refuses a guest, a wallet without a pass, and a Silver holder with gateDenied', async () => {
    const guest = await postJson(`${layover.url}/auth/guest`, { name: 'Guest' });
    expect(await joinError('vip', guest.body.token)).toEqual({
      code: JoinErrorCode.gateDenied,
      message: 'gateDenied',
    });

    const seller = await testWallet('Seller');
    const { wallet, publicClient } = chain(seller.privateKey);
    const hash = await wallet.writeContract({
      address: layover.contracts.LoungePass!,
      abi: loungePassAbi,
      functionName: 'transferFrom',
      args: [seller.address, ANVIL_ACCOUNTS.admin.address, BigInt(seller.passTokenId)],
    });
    await publicClient.waitForTransactionReceipt({ hash });
    await waitFor(() => layover.ctx.gates.reader.passTokensOf(seller.address).length === 0, 5000, 'index');
    expect((await joinError('vip', seller.token)).code).toBe(JoinErrorCode.gateDenied);

    const silver = await testWallet('Silver');
    const gold = BigInt(silver.passTokenId);
    await chain(silver.privateKey).wallet.writeContract({
      address: layover.contracts.LoungePass!,
      abi: loungePassAbi,
      functionName: 'transferFrom',
      args: [silver.address, ANVIL_ACCOUNTS.admin.address, gold],
    });
    await mintDevPass({
      rpcUrl: layover.rpcUrl,
      pass: layover.contracts.LoungePass!,
      minterKey: ANVIL_ACCOUNTS.oracle.privateKey,
      to: silver.address,
      tier: PassTier.silver,
    });
    await waitFor(
      () => layover.ctx.gates.reader.passTokensOf(silver.address).some((id) => id !== gold),
      5000,
      'silver indexed',
    );
    expect((await joinError('vip', silver.token)).code).toBe(JoinErrorCode.gateDenied);
  });

  it("ignores an address claimed in join options: only the session's own wallet counts", async () => {
    const holder = await testWallet('Holder');
    const guest = await postJson(`${layover.url}/auth/guest`, { name: 'Claimer' });
    const client = new Client(layover.url);
    const claim = { token: guest.body.token, address: holder.address, member: { address: holder.address } };
    await expect(client.joinOrCreate('vip', claim)).rejects.toMatchObject({ code: JoinErrorCode.gateDenied });
  });

  it('gives one pass one seat: the same member joining again (a reload) takes it over from the old connection', async () => {
    const holder = await testWallet('Twice');
    const first = await join('vip', holder.token);
    const firstLeft = new Promise<{ code: number; reason: string | undefined }>((resolve) =>
      first.onLeave((code, reason) => resolve({ code, reason })),
    );
    const second = await join('vip', holder.token);
    expect(await firstLeft).toEqual({ code: LeaveCode.openedElsewhere, reason: 'openedElsewhere' });
    await waitFor(() => second.state.members.size === 1 || undefined, 5000, 'one avatar for the member');
    expect([...second.state.members.keys()]).toEqual([second.sessionId]);
    await second.leave();
    const again = await join('vip', holder.token);
    await again.leave();
  });

  it('removes a member who transfers the pass away, with a notice and gateLost', async () => {
    const holder = await testWallet('Mover');
    const room = await join('vip', holder.token);
    const notices: string[] = [];
    room.onMessage('notice', (notice: { code: string }) => notices.push(notice.code));
    const left = new Promise<number>((resolve) => room.onLeave((code) => resolve(code)));
    const { wallet } = chain(holder.privateKey);
    const sentAt = Date.now();
    await wallet.writeContract({
      address: layover.contracts.LoungePass!,
      abi: loungePassAbi,
      functionName: 'transferFrom',
      args: [holder.address, ANVIL_ACCOUNTS.admin.address, BigInt(holder.passTokenId)],
    });
    expect(await left).toBe(LeaveCode.gateLost);
    const elapsed = Date.now() - sentAt;
    console.log(`gates: removed ${elapsed} ms after the transfer`);
    expect(elapsed).toBeLessThan(15_000);
    expect(notices).toContain('gateLost');
  }, 20_000);

  it('opens the suite to PartnerPass holders only', async () => {
    const gold = await testWallet('NoPartner');
    expect((await joinError('suite', gold.token)).code).toBe(JoinErrorCode.gateDenied);

    const partner = layover.contracts.PartnerPass!;
    expect(partner).toMatch(/^0x[0-9a-fA-F]{40}$/);
    const { wallet, publicClient } = chain(ANVIL_ACCOUNTS.partner.privateKey);
    const fan = await testWallet('Fan');
    const hash = await wallet.writeContract({
      address: partner,
      abi: partnerPassAbi,
      functionName: 'mint',
      args: [fan.address],
    });
    await publicClient.waitForTransactionReceipt({ hash });
    const room = await join('suite', fan.token);
    expect(room.state.members.size).toBe(1);
    await room.leave();
  });

  it('opens the VIP lounge to a Jetsetter by status alone, without a pass', async () => {
    const guest = await postJson(`${layover.url}/auth/guest`, { name: 'Collector' });
    expect((await joinError('vip', guest.body.token)).code).toBe(JoinErrorCode.gateDenied);
    const { db } = layover.ctx.ledger;
    const earnedAt = new Date();
    // Six stamps (what the quests would have recorded) reach Jetsetter, whose perks open `vip`.
    await db.insert(memberStamps).values(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((letter) => ({
        memberId: guest.body.member.id as string,
        stampId: `stamp-${letter}`,
        questId: 'test',
        earnedAt,
        eventId: `test-${letter}`,
        place: 'lounge',
      })),
    );
    const room = await join('vip', guest.body.token);
    expect([...room.state.members.values()].some((member) => member.id === guest.body.member.id)).toBe(true);
    await room.leave();
  });
});
