import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { type LoggedLayover, startLoggedLayover } from '../fuzz/logged-layover.ts';
import { postJson, waitFor } from '../support/layover.ts';

/** ROOM_DATA (13), the type "chat", then bytes that are not msgpack. */
const UNDECODABLE = Uint8Array.from([13, 0xa4, 0x63, 0x68, 0x61, 0x74, 0xc1, 0xc1, 0xc1]);

let layover: LoggedLayover;
let token: string;

async function joinLounge(): Promise<Room<unknown, LoungeState>> {
  const room = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token });
  await waitFor(() => room.state?.members?.get(room.sessionId), 5000, 'joined');
  return room;
}

/** Sends one frame that drops its sender, and waits until the server has closed the connection. */
async function sendAndBeDropped(send: (room: Room<unknown, LoungeState>) => void): Promise<void> {
  const room = await joinLounge();
  const left = new Promise<number>((resolve) => room.onLeave(resolve));
  send(room);
  await left;
}

beforeAll(async () => {
  layover = await startLoggedLayover();
  const { status, body } = await postJson(`${layover.url}/auth/guest`, { name: 'Mallory' });
  expect(status).toBe(200);
  token = body.token;
});

afterAll(async () => {
  await layover?.stop();
});

describe('malformed room messages are logged one line each, sampled', () => {
  it('logs a bounded number of one-line entries, naming room, type and reason, for 200 malformed frames', async () => {
    const before = layover.logLines.length;
    // A frame with a bad payload, or bytes that are no message, drops its sender: frames sent in one burst still
    // arrive before the close, so 20 short connections carry 10 frames each.
    for (let connection = 0; connection < 20; connection += 1) {
      await sendAndBeDropped((room) => {
        for (let sent = 0; sent < 5; sent += 1) {
          room.send('moveTo', { x: 'far', z: [sent] });
          room.connection.send(UNDECODABLE);
        }
      });
    }
    const lines = layover.logLines.slice(before).map((line) => JSON.parse(line));
    const problems = lines.filter((line) => line.level === 'error' || line.level === 'warn');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.length).toBeLessThanOrEqual(20);
    for (const line of problems) expect(JSON.stringify(line)).not.toMatch(/\\n\s+at /);
    const moveTo = problems.find((line) => line.messageType === 'moveTo');
    expect(moveTo).toMatchObject({ room: 'lounge', messageType: 'moveTo', msg: 'message dropped' });
    expect(moveTo.reason).toContain('x: ');
    expect(moveTo).toHaveProperty('roomId');
  });
});
