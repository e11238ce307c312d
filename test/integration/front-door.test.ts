import { matchMaker } from '@colyseus/core';
import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSession } from '../../server/auth/sessions.ts';
import { createMember } from '../../server/db/members.ts';
import { roomsHeldByMember } from '../../server/http/front-door-leases.ts';
import { SeatRefusal } from '../../server/http/front-door-seats.ts';
import type { RunningLayover } from '../../server/main.ts';
import { eventually, postMatchmake, startTestLayover } from '../support/layover.ts';

// The join surface with no TRUST_PROXY: every peer is its own address, whatever headers it sends.
const PER_MEMBER = 3;
const PER_IP = 5;

let layover: RunningLayover;
const rooms: Room[] = [];

async function token(name: string): Promise<{ token: string; memberId: string }> {
  const { db } = layover.ctx.ledger;
  const member = await createMember(db, { displayName: name });
  return { token: (await issueSession(db, member.id, 'guest', 3_600_000)).token, memberId: member.id };
}

async function leaveAll(): Promise<void> {
  await Promise.all(rooms.splice(0).map((room) => room.leave().catch(() => undefined)));
}

beforeAll(async () => {
  layover = await startTestLayover({ roomCaps: { perMember: PER_MEMBER, perIp: PER_IP } });
});

afterAll(async () => {
  await leaveAll();
  await layover?.stop();
});

describe('join surface', () => {
  it('reserves no seat and opens no room for {} or a bogus token, on every room name and method', async () => {
    const names = Object.keys(matchMaker.getAllHandlers());
    expect(names).toEqual(expect.arrayContaining(['lounge', 'vip', 'suite', 'event', 'plane', 'trivia']));
    const bodies = [{}, { token: 'not-a-session-token-at-all-0000' }, 'plain text'];
    for (const name of names) {
      for (const method of ['joinOrCreate', 'create', 'join']) {
        for (const body of bodies) {
          const { status, json } = await postMatchmake(layover.url, `${method}/${name}`, body);
          expect({ name, method, body, status, sessionId: json.sessionId }).toEqual({
            name,
            method,
            body,
            status: expect.not.stringMatching(/^2/),
            sessionId: undefined,
          });
          // A body that is not JSON never reaches a room: Colyseus' router refuses it first.
          expect(['unauthorized', 'sessionExpired', 'malformed request body']).toContain(json.error);
        }
      }
    }
    // Refusals name the code the client translates; Colyseus' route sends the HTTP status as `code`.
    expect((await postMatchmake(layover.url, 'joinOrCreate/lounge', {})).json).toEqual({
      code: SeatRefusal.unauthorized,
      error: 'unauthorized',
    });
    expect((await postMatchmake(layover.url, 'joinOrCreate/lounge', bodies[1])).json).toEqual({
      code: SeatRefusal.sessionExpired,
      error: 'sessionExpired',
    });
    expect(await matchMaker.query({})).toEqual([]);
  });

  it('refuses a 1 MB join body with 413 and a JSON error, sent whole or streamed', async () => {
    const { token: valid } = await token('Big Body');
    const big = { token: valid, padding: 'x'.repeat(1024 * 1024) };
    const whole = await postMatchmake(layover.url, 'joinOrCreate/lounge', big);
    expect(whole.status).toBe(413);
    expect(whole.json).toMatchObject({ error: 'bodyTooLarge' });
    const streamed = await postMatchmake(layover.url, 'joinOrCreate/lounge', big, { stream: true });
    expect(streamed.status).toBe(413);
    expect(streamed.json).toMatchObject({ error: 'bodyTooLarge' });
    expect(await matchMaker.query({})).toEqual([]);
  });

  it(`lets one member hold ${PER_MEMBER} rooms at once, even asked in parallel, and one more after a leave`, async () => {
    const ana = await token('Ana');
    const client = new Client(layover.url);
    const tries = await Promise.allSettled(
      Array.from({ length: 6 }, () => client.create('lounge', { token: ana.token })),
    );
    const joined = tries.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    rooms.push(...joined);
    expect(joined).toHaveLength(PER_MEMBER);
    for (const result of tries.filter((entry) => entry.status === 'rejected'))
      expect(result.reason).toMatchObject({ code: SeatRefusal.tooManyRooms, message: 'tooManyRooms' });

    await joined[0]?.leave();
    rooms.splice(rooms.indexOf(joined[0] as Room), 1);
    const another = await eventually(
      () => client.create('lounge', { token: ana.token }).catch(() => undefined),
      'a room after leaving one',
    );
    rooms.push(another);
    await leaveAll();
    await eventually(
      async () => ((await roomsHeldByMember(layover.ctx.presence, ana.memberId)) === 0 ? true : undefined),
      'every lease released',
    );
  });

  it('gives back the room of a join the door refused: a guest turned away from VIP more times than the cap still enters the lounge', async () => {
    const ben = await token('Ben');
    const client = new Client(layover.url);
    for (let i = 0; i < PER_MEMBER + 2; i++)
      await expect(client.joinOrCreate('vip', { token: ben.token })).rejects.toMatchObject({
        message: expect.stringMatching(/gate|status|pass/i),
      });
    expect(await roomsHeldByMember(layover.ctx.presence, ben.memberId)).toBe(0);
    rooms.push(await client.create('lounge', { token: ben.token }));
    await leaveAll();
  });

  it(`caps one address at ${PER_IP} rooms, and spoofed X-Forwarded-For or X-Real-IP does not move it`, async () => {
    const [bea, cy, dee] = await Promise.all([token('Bea'), token('Cy'), token('Dee')]);
    const client = new Client(layover.url);
    for (const who of [bea, bea, bea, cy, cy])
      rooms.push(await client.create('lounge', { token: who.token }));
    for (const [i, who] of [cy, dee].entries()) {
      const spoofed = {
        'x-forwarded-for': `198.51.100.${i + 1}`,
        'x-real-ip': `203.0.113.${i + 1}`,
        'x-client-ip': `192.0.2.${i + 1}`,
      };
      const refused = await postMatchmake(
        layover.url,
        'create/lounge',
        { token: who.token },
        { headers: spoofed },
      );
      expect(refused.json).toMatchObject({ code: SeatRefusal.tooManyRooms, error: 'tooManyRooms' });
    }
    await leaveAll();
  });

  it('keys the sign-in limit by the peer: a spoofed X-Forwarded-For from loopback is not a new address', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const response = await fetch(`${layover.url}/auth/guest`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i + 1}` },
          body: JSON.stringify({ name: `Spoof ${i}` }),
        });
        return response.status;
      }),
    );
    expect(statuses).toContain(429);
  });
});
