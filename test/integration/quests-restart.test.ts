import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestsSnapshot } from '../../shared/protocol/quests.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { postJson, waitFor } from '../support/layover.ts';
import { distanceTo } from '../support/pose.ts';
import { interrupt, type StartedServer, spawnLayover } from '../support/process.ts';

let dir: string;
let server: StartedServer | undefined;
const rooms: Room<unknown, LoungeState>[] = [];

const env = () => ({
  PORT: '0',
  ANVIL_PORT: '0',
  DATA_DIR: join(dir, 'data'),
  DEPLOYMENTS_DIR: join(dir, 'deployments'),
  CLIENT_BUILD: 'skip',
});

interface Seat {
  room: Room<unknown, LoungeState>;
  snapshots: QuestsSnapshot[];
}

async function sit(token: string): Promise<Seat> {
  const room = await new Client(server!.url).joinOrCreate<LoungeState>('lounge', { token });
  rooms.push(room);
  const seat: Seat = { room, snapshots: [] };
  room.onMessage('quests', (snapshot: QuestsSnapshot) => seat.snapshots.push(snapshot));
  await waitFor(() => room.state?.members?.get(room.sessionId), 10_000, 'seat');
  return seat;
}

async function walkTo(seat: Seat, x: number, z: number): Promise<void> {
  seat.room.send('moveTo', { x, z });
  await waitFor(
    () => {
      const me = seat.room.state.members.get(seat.room.sessionId);
      return me && distanceTo(me, x, z) < 0.1;
    },
    20_000,
    `arrival at (${x}, ${z})`,
  );
}

const progress = (seat: Seat) =>
  seat.snapshots
    .at(-1)
    ?.quests.find((quest) => quest.id === 'first-visit')
    ?.steps.map((step) => step.progress);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-restart-'));
});

afterAll(async () => {
  await Promise.all(rooms.filter((r) => r.connection.isOpen).map((r) => r.leave().catch(() => {})));
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

describe('quest progress across a server crash', () => {
  it('keeps every recorded step after SIGKILL and finishes the journey after the restart', async () => {
    server = await spawnLayover(env());
    const alice = (await postJson(`${server.url}/auth/guest`, { name: 'Alice' })).body.token as string;
    const bob = (await postJson(`${server.url}/auth/guest`, { name: 'Bob' })).body.token as string;
    const a = await sit(alice);
    const b = await sit(bob);
    await walkTo(a, -4, 6);
    await walkTo(a, -4, -13);
    await walkTo(b, -4, 6);
    await walkTo(b, -4, -11);
    a.room.send('emote', { emote: 'wave' });
    await waitFor(() => progress(a)?.join() === '1,1,0', 10_000, 'window and wave recorded');

    await new Promise<void>((resolve) => {
      server!.child.once('exit', () => resolve());
      server!.child.kill('SIGKILL');
    });
    server = await spawnLayover(env());

    const again = await sit(alice);
    await waitFor(() => again.snapshots[0], 10_000, 'snapshot after restart');
    expect(progress(again)).toEqual([1, 1, 0]);
    await walkTo(again, -4, 6);
    await walkTo(again, 0, 11);
    again.room.send('interact', { objectId: 'departures-board' });
    await waitFor(() => progress(again)?.join() === '1,1,1', 10_000, 'board recorded');
    const me = await (
      await fetch(`${server.url}/api/members/me`, { headers: { authorization: `Bearer ${alice}` } })
    ).json();
    expect(me.stamps.map((stamp: { stampId: string }) => stamp.stampId)).toEqual(['first-visit']);
    expect(me.quests.find((quest: { id: string }) => quest.id === 'first-visit').status).toBe('completed');
  }, 240_000);
});
