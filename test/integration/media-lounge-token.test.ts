import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLayover } from '../../server/main.ts';
import type { MediaTokenResponse } from '../../shared/protocol/media.ts';
import type { VoiceServerMessages } from '../../shared/protocol/voice.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { mediaOn } from '../support/janus.ts';
import { postJson, startTestLayover, waitFor } from '../support/layover.ts';

// Lounge media tokens on a real server and Janus: a member staff removed from (or muted in) a lounge's voice may
// still listen there but gets no publishing grant; someone not seated in that lounge instance gets nothing.
let layover: RunningLayover;
const rooms: Room[] = [];

interface Seated {
  room: Room<unknown, LoungeState>;
  token: string;
  memberId: string;
  self: string | undefined;
}

async function seat(name: string, host = false): Promise<Seated> {
  const route = host ? '/auth/test-wallet' : '/auth/guest';
  const { body } = await postJson(`${layover.url}${route}`, host ? { name, host: true } : { name });
  const room = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token: body.token });
  rooms.push(room);
  const seated: Seated = { room, token: body.token, memberId: '', self: undefined };
  room.onMessage('*', () => {});
  room.onMessage('voiceSelf', (m: VoiceServerMessages['voiceSelf']) => (seated.self = m.state));
  seated.memberId = (
    await waitFor(() => room.state?.members?.get(room.sessionId), 5000, `${name} seated`)
  ).id;
  return seated;
}

async function token(who: { token?: string }, roomId: string, publish: boolean) {
  const response = await fetch(`${layover.url}/api/media/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(who.token ? { authorization: `Bearer ${who.token}` } : {}),
    },
    body: JSON.stringify({ space: { kind: 'lounge', roomId }, publish }),
  });
  return {
    status: response.status,
    body: (await response.json()) as MediaTokenResponse & { error?: string },
  };
}

beforeAll(async () => {
  layover = await startTestLayover(mediaOn());
  await waitFor(() => layover.ctx.media?.status === 'up' || undefined, 30_000, 'Janus up');
}, 90_000);

afterAll(async () => {
  await Promise.all(rooms.map((room) => room.leave().catch(() => {})));
  await layover?.stop();
});

describe('lounge media tokens', () => {
  it('grant publishing to a voice member until staff remove them; they may still listen', async () => {
    const alice = await seat('Alice');
    const staff = await seat('Mei Lin', true);
    const roomId = alice.room.roomId;
    const before = await token(alice, roomId, true);
    expect(before.status).toBe(200);
    expect(before.body.publish).toBe(true);
    expect(typeof before.body.feedId).toBe('number');

    alice.room.send('voiceJoin', {});
    staff.room.send('voiceJoin', {});
    await waitFor(() => alice.self === 'speaking' || undefined, 5000, 'Alice in voice');
    staff.room.send('voiceModerate', { memberId: alice.memberId, action: 'remove' });
    await waitFor(() => alice.self === 'removed' || undefined, 5000, 'Alice removed');

    const after = await token(alice, roomId, true);
    expect(after.status).toBe(403);
    expect(after.body.error).toBe('mediaMuted');
    const listen = await token(alice, roomId, false);
    expect(listen.status).toBe(200);
    expect(listen.body.publish).toBe(false);
    // Staff themselves are unaffected.
    expect((await token(staff, roomId, true)).status).toBe(200);
  });

  it('refuse a member who is not seated in that lounge instance, and a caller without a session', async () => {
    const bob = await seat('Bob');
    const { body } = await postJson(`${layover.url}/auth/guest`, { name: 'Outsider' });
    const outsider = await token({ token: body.token }, bob.room.roomId, false);
    expect(outsider.status).toBe(403);
    expect(outsider.body.error).toBe('notInSpace');
    expect((await token({}, bob.room.roomId, false)).status).toBe(401);
    const unknownRoom = await token(bob, 'no-such-room', false);
    expect(unknownRoom.status).toBe(403);
  });
});
