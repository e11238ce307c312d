import { LocalPresence } from '@colyseus/core';
import { describe, expect, it } from 'vitest';
import { RoomLeases, roomsHeldByMember } from '../../server/http/front-door-leases.ts';

describe('RoomLeases (rooms per member and per address)', () => {
  it('never lets parallel claims overshoot a cap', async () => {
    const leases = new RoomLeases(new LocalPresence(), { perMember: 2, perIp: 100 });
    const results = await Promise.all(Array.from({ length: 10 }, () => leases.claim('ana', '203.0.113.9')));
    expect(results.filter((result) => typeof result !== 'string').length).toBeLessThanOrEqual(2);
    expect(results.filter((result) => result === 'member').length).toBeGreaterThanOrEqual(8);
    await leases.stop();
  });

  it('counts an address across members, and frees a lease on release', async () => {
    const leases = new RoomLeases(new LocalPresence(), { perMember: 5, perIp: 2 });
    const first = await leases.claim('ana', '2001:db8:1:2::/64');
    expect(await leases.claim('bea', '2001:db8:1:2::/64')).toMatchObject({ memberId: 'bea' });
    expect(await leases.claim('cy', '2001:db8:1:2::/64')).toBe('ip');
    if (typeof first === 'string') throw new Error('first claim refused');
    await leases.release(first);
    expect(await leases.claim('cy', '2001:db8:1:2::/64')).toMatchObject({ memberId: 'cy' });
    await leases.stop();
  });

  it('lets a reservation nobody took (or a crashed holder) run out instead of locking the member out', async () => {
    let now = 1_000_000;
    const presence = new LocalPresence();
    const leases = new RoomLeases(presence, { perMember: 1, perIp: 100 }, () => now);
    expect(await leases.claim('ana', '127.0.0.1')).toMatchObject({ memberId: 'ana' });
    expect(await leases.claim('ana', '127.0.0.1')).toBe('member');
    now += 21_000;
    expect(await roomsHeldByMember(presence, 'ana', now)).toBe(0);
    expect(await leases.claim('ana', '127.0.0.1')).toMatchObject({ memberId: 'ana' });
    await leases.stop();
  });
});
