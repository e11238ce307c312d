import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLayover } from '../../server/main.ts';
import { BAR_ZONE } from '../../shared/content/vip-bar.ts';
import { vipLayout } from '../../shared/content/vip-layout.ts';
import type { BarReply } from '../../shared/protocol/lounge-messages.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { postJson, startTestLayover, waitFor } from '../support/layover.ts';
import { distanceTo, poseOf } from '../support/pose.ts';

// The VIP bar with real parts: a real server (own anvil, PGlite), Gold holders admitted to the VIP room by the gate
// (the dev test wallet comes with a Gold LoungePass), @colyseus/sdk clients that walk, order and watch each other.
let layover: RunningLayover;
const rooms: Room<unknown, LoungeState>[] = [];
const bar = vipLayout.zones.find((zone) => zone.id === BAR_ZONE)!;

/** A joined room and every barReply it has received, in order. */
type Member = { room: Room<unknown, LoungeState>; replies: BarReply[] };

async function testWalletToken(name: string): Promise<string> {
  const { status, body } = await postJson(`${layover.url}/auth/test-wallet`, { name });
  expect(status).toBe(200);
  return body.token;
}

async function join(roomName: 'vip' | 'lounge', token: string): Promise<Member> {
  const room = await new Client(layover.url).joinOrCreate<LoungeState>(roomName, { token });
  rooms.push(room);
  const replies: BarReply[] = [];
  room.onMessage('barReply', (reply: BarReply) => replies.push(reply));
  await waitFor(() => room.state?.members?.get(room.sessionId), 5000, 'member in state');
  return { room, replies };
}

/** Sends an order and waits for the bar's answer to it. */
async function order(member: Member, payload: unknown): Promise<BarReply> {
  const before = member.replies.length;
  member.room.send('orderDrink', payload);
  return waitFor(() => member.replies[before], 5000, 'the bar answers');
}

/** Walks a member to a point (the server's moveTo) and waits until their own state shows them there. */
async function walkTo(member: Member, x: number, z: number): Promise<void> {
  member.room.send('moveTo', { x, z });
  await waitFor(
    () => distanceTo(member.room.state.members.get(member.room.sessionId)!, x, z) < 0.2,
    15_000,
    `arrival at ${x}, ${z}`,
  );
}

/**
 * Waits until `viewer` has seen a patch sent after everything the server had received so far: the viewer steps and
 * waits to see its own step. Anything the earlier messages changed is in that patch or an earlier one.
 */
async function barrier(viewer: Member): Promise<void> {
  const self = () => viewer.room.state.members.get(viewer.room.sessionId)!;
  const start = poseOf(self());
  const x = start.x + (start.x < 0 ? 0.5 : -0.5);
  await walkTo(viewer, x, start.z);
}

/** Resolves with the close code when the server drops the room's connection. */
function leaveCode(room: Room<unknown, LoungeState>): Promise<number> {
  return new Promise((resolve) => room.onLeave((code) => resolve(code)));
}

beforeAll(async () => {
  layover = await startTestLayover({ roomCaps: { perMember: 20, perIp: 1000 } });
}, 120_000);

afterAll(async () => {
  await Promise.all(
    rooms.filter((room) => room.connection.isOpen).map((room) => room.leave().catch(() => {})),
  );
  await layover?.stop();
}, 60_000);

describe('the VIP bar with real clients', () => {
  let gold: Member;
  let friend: Member;

  it('refuses a Gold holder who orders away from the bar with notAtBar, and cues nothing', async () => {
    gold = await join('vip', await testWalletToken('Bar Gold'));
    friend = await join('vip', await testWalletToken('Bar Friend'));
    expect(friend.room.roomId).toBe(gold.room.roomId);
    await waitFor(() => friend.room.state.members.get(gold.room.sessionId), 5000, 'Gold seen by the friend');
    // The VIP spawn is several metres from the bar's zone.
    const me = gold.room.state.members.get(gold.room.sessionId)!;
    expect(distanceTo(me, bar.x, bar.z)).toBeGreaterThan(bar.radius);
    const seq = me.emoteSeq;

    expect(await order(gold, { drink: 'sparkling' })).toEqual({ served: false, reason: 'notAtBar' });
    await barrier(friend);
    expect(friend.room.state.members.get(gold.room.sessionId)!.emoteSeq).toBe(seq);
    expect(friend.replies).toEqual([]);
  });

  it('serves a member who walked up to the bar; a member nearby sees them cheer', async () => {
    await walkTo(gold, bar.x, bar.z);
    await walkTo(friend, bar.x + 2, bar.z + 1);
    const seenByFriend = () => friend.room.state.members.get(gold.room.sessionId)!;
    const seq = seenByFriend().emoteSeq;

    expect(await order(gold, { drink: 'espresso' })).toEqual({ served: true, drink: 'espresso' });
    await waitFor(() => seenByFriend().emoteSeq === (seq + 1) % 65536, 5000, 'the cheer seen by the friend');
    expect(seenByFriend().emote).toBe('cheer');
    // The answer is the orderer's alone.
    expect(friend.replies).toEqual([]);
  });

  it('answers a flood of orders with tooSoon once the allowance is spent, and changes nothing else', async () => {
    const seenByFriend = () => friend.room.state.members.get(gold.room.sessionId)!;
    const seq = seenByFriend().emoteSeq;
    const pose = poseOf(seenByFriend());
    const before = gold.replies.length;
    const flood = 8;
    for (let i = 0; i < flood; i++) gold.room.send('orderDrink', { drink: 'mocktail' });
    await waitFor(() => gold.replies.length === before + flood, 5000, 'every order answered');
    const answers = gold.replies.slice(before);
    // One drink of the burst of two is left (a third only if the test took ten seconds since the last one).
    const served = answers.filter((answer) => answer.served).length;
    expect(served).toBeGreaterThanOrEqual(1);
    expect(served).toBeLessThanOrEqual(2);
    expect(answers.slice(0, served)).toEqual(Array(served).fill({ served: true, drink: 'mocktail' }));
    expect(answers.slice(served)).toEqual(Array(flood - served).fill({ served: false, reason: 'tooSoon' }));

    // Only the served drinks cued a cheer; the member stood still and stays connected.
    await barrier(friend);
    expect(seenByFriend().emoteSeq).toBe((seq + served) % 65536);
    expect(poseOf(seenByFriend()).x).toBeCloseTo(pose.x, 2);
    expect(poseOf(seenByFriend()).z).toBeCloseTo(pose.z, 2);
    expect(gold.room.connection.isOpen).toBe(true);
    expect(friend.replies).toEqual([]);
    // And the refusals did not spend the next drink's token: tooSoon still, not a ban.
    expect(await order(gold, { drink: 'mocktail' })).toEqual({ served: false, reason: 'tooSoon' });
  });

  const malformed: [string, unknown][] = [
    ['a drink not on the menu', { drink: 'whisky' }],
    ['an extra field', { drink: 'espresso', free: true }],
    ['a bare string', 'espresso'],
    ['no payload', undefined],
  ];
  for (const [what, payload] of malformed) {
    it(`drops the sender of ${what} at the bar (the rooms' rule for a bad payload) while the others stay`, async () => {
      const mallory = await join('vip', await testWalletToken('Bar Mallory'));
      await waitFor(() => friend.room.state.members.get(mallory.room.sessionId), 5000, 'Mallory seen');
      await walkTo(mallory, bar.x, bar.z + 1.5);
      const left = leaveCode(mallory.room);
      mallory.room.send('orderDrink', payload);
      expect(await left).not.toBe(4000);
      await waitFor(() => !friend.room.state.members.has(mallory.room.sessionId), 5000, 'Mallory removed');
      expect(mallory.replies).toEqual([]);
      // The others stay connected and the room still answers them.
      expect(gold.room.connection.isOpen && friend.room.connection.isOpen).toBe(true);
      await barrier(friend);
    });
  }

  it('refuses an order in the main lounge, which has no bar, with noBar', async () => {
    const guest = await postJson(`${layover.url}/auth/guest`, { name: 'Lounge Guest' });
    expect(guest.status).toBe(200);
    const inLounge = await join('lounge', guest.body.token);
    expect(await order(inLounge, { drink: 'espresso' })).toEqual({ served: false, reason: 'noBar' });
    // The Gold holder too, standing anywhere in the lounge: their VIP bar does not follow them there.
    const goldInLounge = await join('lounge', await testWalletToken('Bar Gold Lounge'));
    expect(await order(goldInLounge, { drink: 'sparkling' })).toEqual({ served: false, reason: 'noBar' });
  });
});
