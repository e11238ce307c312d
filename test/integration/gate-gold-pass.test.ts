import { randomUUID } from 'node:crypto';
import { LocalPresence } from '@colyseus/core';
import { Client, type Room } from '@colyseus/sdk';
import { createPublicClient, createWalletClient, type Hex, http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loungePassAbi } from '../../contracts/abi/LoungePass.ts';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import { checkGate } from '../../server/auth/admission.ts';
import { ANVIL_ACCOUNTS } from '../../server/chain/anvil.ts';
import { findMemberByAddress } from '../../server/db/members.ts';
import type { RunningLayover } from '../../server/main.ts';
import { queueAward } from '../../server/prizes/award.ts';
import { GateSeats } from '../../server/rooms/parts/gate-seats.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { eventually, postJson, startTestLayover, waitFor } from '../support/layover.ts';

// The Gold Pass prize (ERC-1155, one token id many members hold) opens VIP, and every holder gets their own seat;
// an ERC-721 pass still backs one seat at a time.
let layover: RunningLayover;
const rooms: Room<unknown, LoungeState>[] = [];
type TestWallet = { token: string; privateKey: Hex; address: `0x${string}`; passTokenId: string };

beforeAll(async () => {
  layover = await startTestLayover({ roomCaps: { perMember: 20, perIp: 1000 } });
}, 120_000);

afterAll(async () => {
  await Promise.all(
    rooms.filter((room) => room.connection.isOpen).map((room) => room.leave().catch(() => {})),
  );
  await layover?.stop();
}, 60_000);

async function testWallet(name: string): Promise<TestWallet> {
  const { status, body } = await postJson(`${layover.url}/auth/test-wallet`, { name });
  expect(status).toBe(200);
  return body;
}

/** A test wallet that gave its dev LoungePass away and won the Gold Pass prize, minted by the oracle. */
async function goldPassHolder(name: string): Promise<TestWallet> {
  const holder = await testWallet(name);
  const transport = http(layover.rpcUrl);
  const publicClient = createPublicClient({ chain: foundry, transport });
  const wallet = createWalletClient({
    account: privateKeyToAccount(holder.privateKey),
    chain: foundry,
    transport,
  });
  const hash = await wallet.writeContract({
    address: layover.contracts.LoungePass as `0x${string}`,
    abi: loungePassAbi,
    functionName: 'transferFrom',
    args: [holder.address, ANVIL_ACCOUNTS.admin.address, BigInt(holder.passTokenId)],
  });
  await publicClient.waitForTransactionReceipt({ hash });
  const member = await findMemberByAddress(layover.ctx.ledger.db, holder.address);
  await layover.ctx.ledger.db.transaction((tx) =>
    queueAward(tx, {
      kind: 'prize',
      memberId: member?.id ?? '',
      itemId: 'gold-pass',
      eventId: `test:${randomUUID()}`,
      source: 'gate-gold-pass-test',
      at: new Date(),
    }),
  );
  layover.ctx.oracle?.wake();
  await eventually(
    async () => {
      const held = await publicClient.readContract({
        address: layover.contracts.Prizes as `0x${string}`,
        abi: prizesAbi,
        functionName: 'balanceOf',
        args: [holder.address, 2n],
      });
      return held === 1n ? true : undefined;
    },
    'Gold Pass minted',
    30_000,
  );
  await layover.ctx.gates.verify([holder.address]);
  return holder;
}

/** Seats on a presence of their own (the room's is busy with the real joins). */
const seatRoom = () => ({ presence: new LocalPresence(), seated: () => true, client: () => undefined });

async function join(token: string): Promise<Room<unknown, LoungeState>> {
  const joined = await new Client(layover.url).joinOrCreate<LoungeState>('vip', { token });
  rooms.push(joined);
  await waitFor(() => joined.state?.members?.get(joined.sessionId), 5000, 'member in state');
  return joined;
}

describe('Gold Pass in VIP', () => {
  it('lets two Gold Pass holders into VIP at once, each on their own seat', async () => {
    const [first, second] = [await goldPassHolder('Gold One'), await goldPassHolder('Gold Two')];
    const one = await join(first.token);
    const two = await join(second.token);
    await waitFor(() => one.state.members.size === 2 || undefined, 5000, 'both avatars');
    expect(two.roomId).toBe(one.roomId);
    expect(one.connection.isOpen && two.connection.isOpen).toBe(true);

    // The seats behind it: one per holder of the token, and a holder's second session finds theirs taken.
    const seats = new GateSeats(layover.ctx, 'vip', seatRoom());
    const verdictOf = (address: `0x${string}`) => checkGate(layover.ctx, 'vip', address);
    expect(await seats.claim('x', first.address, await verdictOf(first.address))).toBe(true);
    expect(await seats.claim('y', second.address, await verdictOf(second.address))).toBe(true);
    expect(await seats.claim('z', first.address, await verdictOf(first.address))).toBe(false);
    seats.releaseAll();
  }, 90_000);

  it('keys an ERC-1155 seat by holder and an ERC-721 seat by token', async () => {
    const holder = await testWallet('Seat Owner');
    const other = await testWallet('Seat Other');
    const seats = new GateSeats(layover.ctx, 'vip', seatRoom());
    // The ERC-721 pass: a second session backed by the same token finds its seat taken.
    const verdict = await checkGate(layover.ctx, 'vip', holder.address);
    expect(verdict.matched).toHaveLength(1);
    expect(await seats.claim('a', holder.address, verdict)).toBe(true);
    expect(await seats.claim('b', other.address, verdict)).toBe(false);
    seats.release('a');
    expect(await seats.claim('b', other.address, verdict)).toBe(true);
    seats.releaseAll();
  }, 30_000);
});
