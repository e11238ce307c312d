import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLayover } from '../../server/main.ts';
import { WALK_SPEED } from '../../shared/content/lounge-layout.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { postJson, startTestLayover, waitFor } from '../support/layover.ts';
import { distanceTo, poseOf } from '../support/pose.ts';

let layover: RunningLayover;
const rooms: Room<unknown, LoungeState>[] = [];

async function guestToken(name: string): Promise<string> {
  const { status, body } = await postJson(`${layover.url}/auth/guest`, { name });
  expect(status).toBe(200);
  return body.token;
}

async function joinLounge(name: string): Promise<Room<unknown, LoungeState>> {
  const client = new Client(layover.url);
  const room = await client.joinOrCreate<LoungeState>('lounge', { token: await guestToken(name) });
  rooms.push(room);
  await waitFor(() => room.state?.members?.get(room.sessionId), 5000, `${name} in state`);
  return room;
}

/** Resolves with the close code when the server drops the room's connection. */
function leaveCode(room: Room<unknown, LoungeState>): Promise<number> {
  return new Promise((resolve) => {
    room.onLeave((code) => resolve(code));
  });
}

beforeAll(async () => {
  layover = await startTestLayover({ loungeCapacity: 4 });
});

afterAll(async () => {
  // Rooms the server dropped have nothing left to leave.
  await Promise.all(
    rooms.filter((room) => room.connection.isOpen).map((room) => room.leave().catch(() => {})),
  );
  await layover?.stop();
});

describe('lounge room with real clients', () => {
  let alice: Room<unknown, LoungeState>;
  let bob: Room<unknown, LoungeState>;

  it('lets two guests join the same lounge and see each other', async () => {
    alice = await joinLounge('Alice');
    bob = await joinLounge('Bob');
    expect(bob.roomId).toBe(alice.roomId);
    const seenByBob = await waitFor(() => bob.state.members.get(alice.sessionId), 5000, 'Alice seen by Bob');
    expect(seenByBob.name).toBe('Alice');
    expect(seenByBob.tier).toBe('guest');
  });

  it('moves an avatar on the server at no more than walking speed, and the other client sees it', async () => {
    const start = poseOf(bob.state.members.get(alice.sessionId)!);
    const startX = start.x;
    const startZ = start.z;
    const startedAt = Date.now();
    // A client cannot claim a position: it can only steer.
    alice.send('move', { x: 0, z: -1 });
    await waitFor(
      () => poseOf(bob.state.members.get(alice.sessionId)!).z < startZ - 1,
      5000,
      'Alice walking',
    );
    alice.send('move', { x: 0, z: 0 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const end = poseOf(bob.state.members.get(alice.sessionId)!);
    const elapsed = (Date.now() - startedAt) / 1000;
    const travelled = Math.hypot(end.x - startX, end.z - startZ);
    expect(travelled).toBeGreaterThan(1);
    expect(travelled).toBeLessThanOrEqual(WALK_SPEED * elapsed + 0.3);
    // Facing -z: pi and -pi are the same heading.
    expect(Math.cos(end.heading)).toBeCloseTo(-1, 2);
  });

  it('walks to a clicked point and stops there', async () => {
    alice.send('moveTo', { x: -2, z: 6 });
    await waitFor(
      () => {
        const member = bob.state.members.get(alice.sessionId);
        return member && distanceTo(member, -2, 6) < 0.1;
      },
      8000,
      'Alice at the clicked point',
    );
  });

  it('puts a member who comes back within a minute where they left, not at a random spawn', async () => {
    const token = await guestToken('Returner');
    const first = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token });
    rooms.push(first);
    await waitFor(() => first.state?.members?.get(first.sessionId), 5000, 'seat');
    first.send('moveTo', { x: -2, z: 6 });
    await waitFor(
      () => {
        const me = first.state.members.get(first.sessionId);
        return me && distanceTo(me, -2, 6) < 0.1;
      },
      10_000,
      'arrival',
    );
    await first.leave();
    const again = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token });
    rooms.push(again);
    const me = await waitFor(() => again.state?.members?.get(again.sessionId), 5000, 'seat again');
    expect(distanceTo(me, -2, 6)).toBeLessThan(0.1);
    await again.leave();
  });

  it('relays chat and emotes to everyone in the room', async () => {
    const heard = new Promise<{ name: string; text: string }>((resolve) => bob.onMessage('chat', resolve));
    alice.send('chat', { text: '  Boarding soon?  ' });
    const line = await heard;
    expect(line).toMatchObject({ name: 'Alice', text: 'Boarding soon?' });
    alice.send('emote', { emote: 'wave' });
    await waitFor(() => bob.state.members.get(alice.sessionId)?.emote === 'wave', 3000, 'wave seen');
  });

  it('rate-limits chat with a notice instead of relaying a flood of lines', async () => {
    const notices: string[] = [];
    const lines: string[] = [];
    alice.onMessage('notice', (notice: { code: string }) => notices.push(notice.code));
    bob.onMessage('chat', (line: { text: string }) => lines.push(line.text));
    for (let i = 0; i < 10; i++) alice.send('chat', { text: `spam ${i}` });
    await waitFor(() => notices.includes('chatRateLimited'), 3000, 'rate-limit notice');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lines.length).toBeLessThan(10);
  });

  const offences: [string, (room: Room<unknown, LoungeState>) => void][] = [
    ['a malformed move', (room) => room.send('move', { x: 'north', z: 1 })],
    ['a move out of range', (room) => room.send('move', { x: 50, z: 0 })],
    ['an extra field', (room) => room.send('moveTo', { x: 1, z: 1, teleport: true })],
    ['an unknown emote', (room) => room.send('emote', { emote: 'dab' })],
    ['an overlong chat line', (room) => room.send('chat', { text: 'x'.repeat(500) })],
    ['an oversized frame', (room) => room.send('chat', { text: 'y'.repeat(20_000) })],
    ['an unknown message type', (room) => room.send('teleport', { x: 0, z: 0 })],
    [
      'a flood of messages',
      (room) => {
        for (let i = 0; i < 200; i++) room.send('move', { x: i % 2, z: 0 });
      },
    ],
  ];

  for (const [offence, send] of offences) {
    it(`drops the sender of ${offence} while a bystander stays`, async () => {
      const mallory = await joinLounge('Mallory');
      expect(mallory.roomId).toBe(bob.roomId);
      await waitFor(() => bob.state.members.get(mallory.sessionId), 3000, 'Mallory seen');
      const left = leaveCode(mallory);
      send(mallory);
      const code = await left;
      expect(code).not.toBe(4000);
      await waitFor(() => !bob.state.members.has(mallory.sessionId), 3000, 'Mallory removed');
      // The bystander is still connected and still hears the room.
      // A member who has not chatted yet speaks (chat buckets are per member: Alice's may still be refilling).
      const speaker = await joinLounge('Speaker');
      const heard = new Promise<{ text: string }>((resolve) => bob.onMessage('chat', resolve));
      speaker.send('chat', { text: `still here after ${offence}` });
      expect((await heard).text).toBe(`still here after ${offence}`);
      expect(bob.connection.isOpen).toBe(true);
      // Its seat goes back: the lounge in this file is small, and the next Mallory must land beside Bob.
      await speaker.leave();
      await waitFor(() => !bob.state.members.has(speaker.sessionId), 3000, 'speaker gone');
    });
  }

  it('keeps the seat of a member whose network drops, and lets the SDK reconnect into it', async () => {
    const wanderer = await joinLounge('Wanderer');
    (wanderer as unknown as { reconnection: { minUptime: number } }).reconnection.minUptime = 0;
    const reconnected = new Promise<void>((resolve) => wanderer.onReconnect(() => resolve()));
    const socket = (
      wanderer.connection as unknown as { transport: { ws: { _socket: { destroy: () => void } } } }
    ).transport.ws._socket;
    socket.destroy();
    await reconnected;
    expect(bob.state.members.has(wanderer.sessionId)).toBe(true);
    const startZ = poseOf(bob.state.members.get(wanderer.sessionId)!).z;
    wanderer.send('move', { x: 0, z: -1 });
    await waitFor(
      () => poseOf(bob.state.members.get(wanderer.sessionId)!).z < startZ - 0.3,
      5000,
      'walks again',
    );
    wanderer.send('move', { x: 0, z: 0 });
    await wanderer.leave();
    await waitFor(() => !bob.state.members.has(wanderer.sessionId), 3000, 'Wanderer gone after leaving');
  });

  it('refuses a join without a live session', async () => {
    const client = new Client(layover.url);
    await expect(
      client.joinOrCreate('lounge', { token: 'not-a-real-token-at-all-000' }),
    ).rejects.toMatchObject({
      code: 403,
      message: 'sessionExpired',
    });
    await expect(client.joinOrCreate('lounge', {})).rejects.toMatchObject({
      code: 401,
      message: 'unauthorized',
    });
  });

  it('opens a new lounge instance when one is full', async () => {
    const carol = await joinLounge('Carol');
    const dave = await joinLounge('Dave');
    expect(carol.roomId).toBe(alice.roomId);
    expect(dave.roomId).toBe(alice.roomId);
    const erin = await joinLounge('Erin');
    expect(erin.roomId).not.toBe(alice.roomId);
  });
});

describe('HTTP surface', () => {
  it('reports health with the chain and contracts', async () => {
    const response = await fetch(`${layover.url}/health`);
    const body = await response.json();
    expect(body).toMatchObject({ ok: true, chainId: 31337, testWallet: true });
    expect(body.contracts.LoungePass).toMatch(/^0x[0-9a-fA-F]{40}$/);
  });

  it('rejects bad guest names and bodies with a clear code', async () => {
    expect(await postJson(`${layover.url}/auth/guest`, { name: '   ' })).toMatchObject({
      status: 400,
      body: { error: 'invalidName' },
    });
    expect(await postJson(`${layover.url}/auth/guest`, { name: 'n'.repeat(25) })).toMatchObject({
      status: 400,
    });
    expect(await postJson(`${layover.url}/auth/guest`, { name: 'Ok', admin: true })).toMatchObject({
      status: 400,
    });
    expect(await postJson(`${layover.url}/auth/guest`, '{not json')).toMatchObject({
      status: 400,
      body: { error: 'invalidJson' },
    });
  });

  it('answers who a bearer token belongs to, and 401 without one', async () => {
    const token = await guestToken('Frank');
    const me = await fetch(`${layover.url}/api/members/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.status).toBe(200);
    expect((await me.json()).member.name).toBe('Frank');
    const anonymous = await fetch(`${layover.url}/api/members/me`);
    expect(anonymous.status).toBe(401);
  });

  it('revokes a session on logout: the token stops working for HTTP and for joins', async () => {
    const token = await guestToken('Gina');
    const auth = { authorization: `Bearer ${token}` };
    const logout = await fetch(`${layover.url}/auth/logout`, { method: 'POST', headers: auth });
    expect(logout.status).toBe(204);
    expect((await fetch(`${layover.url}/api/members/me`, { headers: auth })).status).toBe(401);
    await expect(new Client(layover.url).joinOrCreate('lounge', { token })).rejects.toMatchObject({
      code: 403,
      message: 'sessionExpired',
    });
    expect((await fetch(`${layover.url}/auth/logout`, { method: 'POST', headers: auth })).status).toBe(401);
  });

  it('funds a fresh local test wallet on the dev chain', async () => {
    const { status, body } = await postJson(`${layover.url}/auth/test-wallet`, { name: 'Tess' });
    expect(status).toBe(200);
    expect(body.address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    const balance = await fetch(layover.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'eth_getBalance',
        params: [body.address, 'latest'],
      }),
    }).then((response) => response.json());
    expect(BigInt(balance.result)).toBe(10n * 10n ** 18n);
  });
});
