import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningLayover } from '../../server/main.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { postJson, startTestLayover, waitFor } from '../support/layover.ts';
import { distanceTo } from '../support/pose.ts';

let layover: RunningLayover;
const rooms: Room<unknown, LoungeState>[] = [];

beforeAll(async () => {
  layover = await startTestLayover();
});

afterAll(async () => {
  await Promise.all(
    rooms.filter((room) => room.connection.isOpen).map((room) => room.leave().catch(() => {})),
  );
  await layover?.stop();
});

// The client reseats after linking a wallet by joining the room again before its old seat leaves (issue 21): the
// new seat starts where the member stands, not at the spawn.
it('keeps the place of a member whose new seat joins before the old one leaves', async () => {
  const { status, body } = await postJson(`${layover.url}/auth/guest`, { name: 'Reseater' });
  expect(status).toBe(200);
  const first = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token: body.token });
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
  const again = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token: body.token });
  rooms.push(again);
  const me = await waitFor(() => again.state?.members?.get(again.sessionId), 5000, 'second seat');
  expect(distanceTo(me, -2, 6)).toBeLessThan(0.1);
  await waitFor(() => !first.connection.isOpen, 5000, 'old seat replaced');
});
