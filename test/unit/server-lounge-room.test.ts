import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from '@colyseus/core';
import { Client, type Room } from '@colyseus/sdk';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../server/node-websocket.ts';
import { GatedLoungeRoom } from '../../server/rooms/gated-lounge-room.ts';
import { LoungeRoom } from '../../server/rooms/lounge-room.ts';
import { JoinErrorCode } from '../../shared/protocol/join.ts';
import type { ChatLine } from '../../shared/protocol/lounge-messages.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { addMember, type FakeWorld, fakeContext } from './server-fake-context.ts';

// A lounge and a gated lounge built through the AppContext with a fake ledger and a fake gate service: a real
// Colyseus server on a free port, real clients, and no anvil or database behind them.
let server: Server;
let url: string;
let world: FakeWorld;
const rooms: Room<unknown, LoungeState>[] = [];
const token = (name: string) => `${name}-token-000000000000000000000000`;

async function until<T>(check: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function join(room: string, name: string): Promise<Room<unknown, LoungeState>> {
  const joined = await new Client(url).joinOrCreate<LoungeState>(room, { token: token(name) });
  rooms.push(joined);
  await until(() => joined.state?.members?.get(joined.sessionId), `${name} in state`);
  return joined;
}

async function refusal(room: string, name: string): Promise<number> {
  try {
    rooms.push(await new Client(url).joinOrCreate<LoungeState>(room, { token: token(name) }));
  } catch (error) {
    return (error as { code: number }).code;
  }
  throw new Error(`expected ${name} to be refused from ${room}`);
}

beforeAll(async () => {
  const fake = fakeContext();
  world = fake.world;
  const { ctx } = fake;
  addMember(world, token('alice'), { id: 'm-alice', name: 'Alice' });
  addMember(world, token('bob'), { id: 'm-bob', name: 'Bob' });
  addMember(world, token('carol'), { id: 'm-carol', name: 'Carol', address: `0x${'c'.repeat(40)}` });
  addMember(world, token('jet'), { id: 'm-jet', name: 'Jet', address: `0x${'d'.repeat(40)}` });
  world.stamps.set('m-jet', 6);
  addMember(world, token('dave'), { id: 'm-dave', name: 'Dave', address: `0x${'e'.repeat(40)}` });
  addMember(world, token('erin'), { id: 'm-erin', name: 'Erin', address: `0x${'f'.repeat(40)}` });
  // The fake gate reads one Gold pass (#7) for both wallets: one pass, one seat.
  for (const address of [`0x${'e'.repeat(40)}`, `0x${'f'.repeat(40)}`])
    world.holdings.set(address, { LoungePass: { tokens: [{ id: 7n, tier: 2 }] } });
  const httpServer = createServer();
  server = new Server({ transport: new WebSocketTransport({ server: httpServer }), greet: false });
  server.define('lounge', LoungeRoom, { ctx, capacity: 10 });
  server.define('vip', GatedLoungeRoom, { ctx, capacity: 10, gate: 'vip' });
  await server.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await Promise.all(rooms.filter((r) => r.connection.isOpen).map((r) => r.leave().catch(() => {})));
  await server?.gracefullyShutdown(false);
});

describe('lounge room on a fake context', () => {
  it('refuses a token the member directory does not know, with sessionExpired', async () => {
    expect(await refusal('lounge', 'nobody')).toBe(JoinErrorCode.sessionExpired);
  });

  it('seats two members, integrates a move on the server, and relays chat', async () => {
    const alice = await join('lounge', 'alice');
    const bob = await join('lounge', 'bob');
    expect(bob.roomId).toBe(alice.roomId);
    const seen = await until(() => bob.state.members.get(alice.sessionId), 'Alice seen by Bob');
    expect(seen.name).toBe('Alice');
    const startX = alice.state.members.get(alice.sessionId)?.x ?? 0;
    alice.send('move', { x: 1, z: 0 });
    await until(() => (alice.state.members.get(alice.sessionId)?.x ?? startX) !== startX, 'Alice moved');
    alice.send('move', { x: 0, z: 0 });

    const heard = new Promise<ChatLine>((resolve) => bob.onMessage('chat', resolve));
    alice.send('chat', { text: 'hello from a fake ledger' });
    expect(await heard).toMatchObject({
      memberId: 'm-alice',
      name: 'Alice',
      text: 'hello from a fake ledger',
    });
  });
});

describe('gated lounge on a fake gate service', () => {
  it('refuses a guest and a wallet the fake gate reads as holding nothing, with gateDenied', async () => {
    expect(await refusal('vip', 'bob')).toBe(JoinErrorCode.gateDenied);
    expect(await refusal('vip', 'carol')).toBe(JoinErrorCode.gateDenied);
    expect(world.holdingsReads).toContain(`0x${'c'.repeat(40)}`);
  });

  it('admits a member whose stamp count (from the fake directory) opens the room by status', async () => {
    const jet = await join('vip', 'jet');
    expect(jet.state.members.get(jet.sessionId)?.name).toBe('Jet');
  });

  it('seats a pass holder, and refuses a second session on the same pass with passInUse', async () => {
    const dave = await join('vip', 'dave');
    expect(dave.state.members.get(dave.sessionId)?.name).toBe('Dave');
    expect(await refusal('vip', 'erin')).toBe(JoinErrorCode.passInUse);
  });
});
