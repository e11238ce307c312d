import { matchMaker } from '@colyseus/core';
import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLayover } from '../../server/main.ts';
import type { LoungeRoom } from '../../server/rooms/lounge-room.ts';
import { VIEW_RADIUS_M } from '../../shared/netcode.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { postJson, startTestLayover, waitFor } from '../support/layover.ts';
import { distanceTo } from '../support/pose.ts';

let layover: RunningLayover;
const rooms: Room<unknown, LoungeState>[] = [];

async function join(name: string): Promise<Room<unknown, LoungeState>> {
  const { body } = await postJson(`${layover.url}/auth/guest`, { name });
  const room = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token: body.token });
  rooms.push(room);
  await waitFor(() => room.state?.members?.get(room.sessionId), 5000, `${name} seated`);
  return room;
}

async function walkTo(room: Room<unknown, LoungeState>, x: number, z: number): Promise<void> {
  room.send('moveTo', { x, z });
  await waitFor(
    () => {
      const me = room.state.members.get(room.sessionId);
      return me && distanceTo(me, x, z) < 0.1;
    },
    20_000,
    `arrival at (${x}, ${z})`,
  );
}

/** Bytes the server sends this client from now on. */
function countBytes(room: Room<unknown, LoungeState>): { bytes: number } {
  const counter = { bytes: 0 };
  const ws = (room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws;
  ws.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as ArrayBuffer | Uint8Array | string;
    counter.bytes += typeof data === 'string' ? data.length : data.byteLength;
  });
  return counter;
}

beforeAll(async () => {
  layover = await startTestLayover();
});

afterAll(async () => {
  await Promise.all(rooms.map((room) => room.leave().catch(() => {})));
  await layover?.stop();
});

describe('interest management and quantised poses', () => {
  it('sends each client only the avatars near it, and everyone the head count', async () => {
    const west = await join('West');
    const east = await join('East');
    const middle = await join('Middle');
    await Promise.all([walkTo(west, -18, -11), walkTo(east, 12, 12), walkTo(middle, 0, 0)]);
    expect(Math.hypot(30, 23)).toBeGreaterThan(VIEW_RADIUS_M);
    await waitFor(() => !east.state.members.has(west.sessionId), 10_000, 'West out of East’s view');
    expect(west.state.members.has(east.sessionId)).toBe(false);
    // Both are within reach of the middle, who sees everyone.
    await waitFor(() => middle.state.members.size === 3, 10_000, 'Middle sees all three');
    expect(east.state.population).toBe(3);
    expect(west.state.population).toBe(3);
    // Walking closer brings West into view, at the position the server holds (to the centimetre).
    await walkTo(west, 2, 2);
    const seen = await waitFor(() => east.state.members.get(west.sessionId), 10_000, 'West comes into view');
    expect(distanceTo(seen, 2, 2)).toBeLessThan(0.1);
    // Once West is at rest, East holds the very pose West's own client holds (the server's, to the centimetre).
    const own = west.state.members.get(west.sessionId);
    await waitFor(() => own && seen.x === own.x && seen.z === own.z, 10_000, 'the same pose on both clients');
  });

  it('sends nothing for avatars standing still', async () => {
    const observer = rooms[2] as Room<unknown, LoungeState>;
    const lounge = matchMaker.getLocalRoomById(observer.roomId) as LoungeRoom;
    // Windows are counted in the room's own fixed steps (20 a second), not in wall time a busy machine stretches.
    const steps = async (count: number) => {
      const until = lounge.stepsRun + count;
      await waitFor(() => lounge.stepsRun >= until, 30_000, `${count} server steps`);
    };
    await steps(10);
    const idle = countBytes(observer);
    await steps(40);
    expect(idle.bytes).toBe(0);
    const walker = rooms[0] as Room<unknown, LoungeState>;
    const moving = countBytes(observer);
    walker.send('move', { x: 1, z: 0 });
    await waitFor(() => moving.bytes > 0, 10_000, 'the first keyframe of the walk');
    await steps(20);
    walker.send('move', { x: 0, z: 0 });
    // A walking avatar costs its viewers a few bytes per keyframe: 20 steps a second, a keyframe every third.
    expect(moving.bytes).toBeLessThan(400);
  });
});
