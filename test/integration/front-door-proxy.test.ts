import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSession } from '../../server/auth/sessions.ts';
import { createMember } from '../../server/db/members.ts';
import { SeatRefusal } from '../../server/http/front-door-seats.ts';
import type { RunningLayover } from '../../server/main.ts';
import { postMatchmake, startTestLayover } from '../support/layover.ts';

// Behind a proxy named in TRUST_PROXY (here: the test itself on 127.0.0.1), X-Forwarded-For names the client, and
// every per-IP limit counts an IPv6 client by its /64.
const PER_IP = 2;

let layover: RunningLayover;
const rooms: Room[] = [];

async function token(name: string): Promise<string> {
  const { db } = layover.ctx.ledger;
  const member = await createMember(db, { displayName: name });
  return (await issueSession(db, member.id, 'guest', 3_600_000)).token;
}

/** A client that reaches the server through the trusted proxy from `address`. */
function clientFrom(address: string): Client {
  return new Client(layover.url, { headers: { 'x-forwarded-for': address } });
}

beforeAll(async () => {
  layover = await startTestLayover({
    trustProxy: ['127.0.0.1', '::1'],
    roomCaps: { perMember: 3, perIp: PER_IP },
  });
});

afterAll(async () => {
  await Promise.all(rooms.splice(0).map((room) => room.leave().catch(() => undefined)));
  await layover?.stop();
});

describe('front door behind a trusted proxy', () => {
  it('counts rooms by the forwarded client, and an IPv6 client by its /64 however it rotates', async () => {
    for (const address of ['2001:db8:7:1::a', '2001:db8:7:1:ffff::b'])
      rooms.push(await clientFrom(address).create('lounge', { token: await token(address) }));
    const rotated = await postMatchmake(
      layover.url,
      'create/lounge',
      { token: await token('rotated') },
      { headers: { 'x-forwarded-for': '2001:db8:7:1:1234:5678:9abc:def0' } },
    );
    expect(rotated.json).toMatchObject({ code: SeatRefusal.tooManyRooms, error: 'tooManyRooms' });
    // Another /64, and an IPv4 client, are other addresses: the proxy's word is believed.
    rooms.push(await clientFrom('2001:db8:7:2::a').create('lounge', { token: await token('next door') }));
    rooms.push(await clientFrom('198.51.100.20').create('lounge', { token: await token('ipv4') }));
  });

  it('limits sign-ins per /64: rotating interface ids is still one address', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const response = await fetch(`${layover.url}/auth/guest`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': `2001:db8:9:9::${(i + 1).toString(16)}`,
          },
          body: JSON.stringify({ name: `Rotating ${i}` }),
        });
        return response.status;
      }),
    );
    expect(statuses).toContain(429);
    const elsewhere = await fetch(`${layover.url}/auth/guest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '2001:db8:9:a::1' },
      body: JSON.stringify({ name: 'Other network' }),
    });
    expect(elsewhere.status).toBe(200);
  });
});
