import { execFileSync } from 'node:child_process';
import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLayover } from '../../server/main.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { postJson, startTestLayover, waitFor } from '../support/layover.ts';
import { poseOf } from '../support/pose.ts';

// REDIS_URL switches matchmaking and presence to Redis (CI starts one on 127.0.0.1:6379). Database 13 is this
// test's own, emptied first so rooms left by a killed earlier run cannot be matched.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/13';
let layover: RunningLayover;
const rooms: Room<unknown, LoungeState>[] = [];

beforeAll(async () => {
  const { hostname, port, pathname } = new URL(REDIS_URL);
  execFileSync('redis-cli', [
    '-h',
    hostname,
    '-p',
    port || '6379',
    '-n',
    pathname.slice(1) || '0',
    'flushdb',
  ]);
  layover = await startTestLayover({ redisUrl: REDIS_URL });
});

afterAll(async () => {
  await Promise.all(rooms.map((room) => room.leave().catch(() => {})));
  await layover?.stop();
});

async function join(name: string): Promise<Room<unknown, LoungeState>> {
  const { body } = await postJson(`${layover.url}/auth/guest`, { name });
  const room = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token: body.token });
  rooms.push(room);
  return room;
}

describe('lounge with Redis presence and driver', () => {
  it('matches two members into one lounge and relays their moves', async () => {
    const a = await join('Ana');
    const b = await join('Bao');
    expect(b.roomId).toBe(a.roomId);
    const start = await waitFor(() => b.state?.members?.get(a.sessionId), 5000, 'Ana seen by Bao');
    const startZ = poseOf(start).z;
    a.send('move', { x: 0, z: -1 });
    await waitFor(() => poseOf(b.state.members.get(a.sessionId)!).z < startZ - 0.5, 5000, 'Ana walking');
  });
});
