import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLayover } from '../../server/main.ts';
import { LoungeClientMessages } from '../../shared/protocol/lounge-messages.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { hostileFrame, seeded } from '../fuzz/frames.ts';
import { postJson, startTestLayover, waitFor } from '../support/layover.ts';

/** Bounded fuzz run in `npm test`: a fixed count of hostile frames into the lounge, while a bystander watches. */
const CONNECTIONS = 30;
const FRAMES_PER_CONNECTION = 10;

let layover: RunningLayover;

async function token(name: string): Promise<string> {
  const { status, body } = await postJson(`${layover.url}/auth/guest`, { name });
  expect(status).toBe(200);
  return body.token;
}

beforeAll(async () => {
  layover = await startTestLayover();
});

afterAll(async () => {
  await layover?.stop();
});

describe('hostile frames into the lounge', () => {
  it('drops only their senders: the bystander stays connected and keeps receiving patches', async () => {
    const bystander = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', {
      token: await token('Bea'),
    });
    let patches = 0;
    let bystanderLeft = false;
    bystander.onStateChange(() => {
      patches += 1;
    });
    bystander.onLeave(() => {
      bystanderLeft = true;
    });
    const attacker = await token('Mallory');
    const random = seeded(17);
    const types = Object.keys(LoungeClientMessages);
    for (let connection = 0; connection < CONNECTIONS; connection += 1) {
      const room: Room = await new Client(layover.url).joinOrCreate('lounge', { token: attacker });
      const left = new Promise<void>((resolve) => room.onLeave(() => resolve()));
      for (let sent = 0; sent < FRAMES_PER_CONNECTION; sent += 1)
        room.connection.send(hostileFrame(random, types));
      room.connection.send(hostileFrame(() => 0, ['no-such-type']));
      await left;
      const seen = patches;
      bystander.send('move', { x: connection % 2 === 0 ? 1 : -1, z: 0 });
      await waitFor(() => patches > seen, 5000, `a patch after connection ${connection}`);
      expect(bystanderLeft).toBe(false);
    }
    expect(bystander.connection.isOpen).toBe(true);
    await bystander.leave();
  });
});
