import { ServerError } from '@colyseus/core';
import { describe, expect, it } from 'vitest';
import { admitMember } from '../../server/auth/admission.ts';
import { hashToken } from '../../server/auth/sessions.ts';
import { JoinErrorCode } from '../../shared/protocol/join.ts';
import { EventJoinOptions } from '../../shared/protocol/live-events.ts';
import { addMember, fakeContext } from './server-fake-context.ts';

// admitMember is every room's onAuth: the order of its refusals is what a member is told, so it is pinned here.
const token = (name: string) => `${name}-token-000000000000000000000000`;
const GOLD = `0x${'a'.repeat(40)}`;

async function refusedWith(work: Promise<unknown>): Promise<number> {
  const error = await work.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ServerError);
  return (error as ServerError).code;
}

function world() {
  const fake = fakeContext();
  addMember(fake.world, token('guest'), { id: 'm-guest', name: 'Guest' });
  addMember(fake.world, token('gold'), { id: 'm-gold', name: 'Gold', address: GOLD });
  fake.world.holdings.set(GOLD, { LoungePass: { tokens: [{ id: 7n, tier: 2 }] } });
  return fake;
}

describe('admitMember', () => {
  it('refuses malformed options as unauthorized and an unknown token as sessionExpired', async () => {
    const { ctx } = world();
    expect(await refusedWith(admitMember(ctx, { token: 'short' }, { kind: 'lounge' }))).toBe(
      JoinErrorCode.unauthorized,
    );
    expect(await refusedWith(admitMember(ctx, { token: token('nobody') }, { kind: 'lounge' }))).toBe(
      JoinErrorCode.sessionExpired,
    );
  });

  it('admits to an open room with the session key a later re-check can find', async () => {
    const { ctx } = world();
    const { member, verdict } = await admitMember(ctx, { token: token('guest') }, { kind: 'lounge' });
    expect(member).toEqual({
      memberId: 'm-guest',
      name: 'Guest',
      tier: 'guest',
      address: null,
      host: false,
      sessionKey: hashToken(token('guest')),
    });
    expect(verdict).toBeUndefined();
  });

  it("checks the gate after the room's own check, and returns the matched pass for the seat", async () => {
    const { ctx } = world();
    const order: string[] = [];
    const room = { kind: 'gated' as const, gate: 'vip', check: () => void order.push('check') };
    expect(await refusedWith(admitMember(ctx, { token: token('guest') }, room))).toBe(
      JoinErrorCode.gateDenied,
    );
    expect(order).toEqual(['check']);
    const gold = await admitMember(ctx, { token: token('gold') }, room);
    expect(gold.passHolder?.toLowerCase()).toBe(GOLD);
    expect(gold.verdict?.matched).toEqual([{ contract: 'LoungePass', tokenId: 7n }]);
  });

  it('lets a host past the gate, and looks the team roles up only for rooms that ask', async () => {
    const { ctx, world: fakes } = world();
    addMember(fakes, token('host'), { id: 'm-host', name: 'Host', address: `0x${'b'.repeat(40)}` });
    const asked: (string | null)[] = [];
    const staffed = {
      ...ctx,
      members: {
        ...ctx.members,
        teamRoles: async (member: { id: string; address: string | null }) => {
          asked.push(member.address);
          return member.address === `0x${'b'.repeat(40)}` ? ['host' as const] : [];
        },
      },
    };
    const options = { token: token('host'), eventId: 'launch' };
    const hall = { kind: 'hall' as const, options: EventJoinOptions, staff: true, gate: 'vip' };
    expect((await admitMember(staffed, options, hall)).member.host).toBe(true);
    expect((await admitMember(staffed, { token: token('host') }, { kind: 'lounge' })).member.host).toBe(
      false,
    );
    expect(asked).toEqual([`0x${'b'.repeat(40)}`]);
    expect(await refusedWith(admitMember(staffed, { token: token('host') }, hall))).toBe(
      JoinErrorCode.unauthorized,
    );
  });

  it('opens a gated room by status level when the room allows it', async () => {
    const { ctx, world: fakes } = world();
    fakes.stamps.set('m-guest', 6);
    const room = { kind: 'gated' as const, gate: 'vip', statusOpens: true };
    const admitted = await admitMember(ctx, { token: token('guest') }, room);
    expect(admitted.passHolder).toBeUndefined();
    expect(
      await refusedWith(admitMember(ctx, { token: token('guest') }, { kind: 'gated', gate: 'vip' })),
    ).toBe(JoinErrorCode.gateDenied);
  });
});
