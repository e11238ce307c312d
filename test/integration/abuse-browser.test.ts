import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_COOKIE } from '../../server/auth/browser-id.ts';
import { createMember } from '../../server/db/members.ts';
import { memberCredentials } from '../../server/db/schema.ts';
import { claimDrop, releaseDrop } from '../../server/live-events/drops.ts';
import { banMember, isBanned, liftBan } from '../../server/live-events/moderation.ts';
import { createLiveEvent } from '../../server/live-events/schedule.ts';
import type { RunningLayover } from '../../server/main.ts';
import { eraseMember } from '../../server/members/erase.ts';
import { HALLS, type LiveEventSpec } from '../../shared/content/live-events.ts';
import { startTestLayover } from '../support/layover.ts';

/**
 * Throwaway guests (issue 17, item 4). A drop gives one place per browser, and a hall ban reaches past the member id: a guest's next guest in the same browser, and a new member
 * who signs in with a banned member's email or wallet (after erasing the old account, say), walk into it.
 */
let layover: RunningLayover;
const EVENT = 'evt-bans';

beforeAll(async () => {
  layover = await startTestLayover();
});

afterAll(async () => {
  await layover?.stop();
});

/** A guest sign-in from a browser that carries `browserCookie` (or none): the member id and the browser cookie. */
async function guestFrom(browserCookie?: string): Promise<{ memberId: string; browserCookie: string }> {
  const response = await fetch(`${layover.url}/auth/guest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(browserCookie ? { cookie: browserCookie } : {}) },
    body: JSON.stringify({ name: 'Drifter' }),
  });
  expect(response.status).toBe(200);
  const set = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${BROWSER_COOKIE}=`));
  expect(set).toBeDefined();
  const body = (await response.json()) as { member: { id: string } };
  return { memberId: body.member.id, browserCookie: set as string };
}

async function memberWithEmail(email: string) {
  const { db } = layover.ctx.ledger;
  const member = await createMember(db, { displayName: 'Mira' });
  await db
    .insert(memberCredentials)
    .values({ id: randomUUID(), memberId: member.id, kind: 'email', subject: email });
  return member;
}

describe('a ban on a guest', () => {
  it("reaches the next guest made in the same browser, not a stranger's", async () => {
    const { db } = layover.ctx.ledger;
    const first = await guestFrom();
    await banMember(db, { memberId: first.memberId, eventId: EVENT, scope: 'event', by: 'host' });
    const again = await guestFrom(first.browserCookie);
    expect(again.browserCookie).toBe(first.browserCookie);
    expect(again.memberId).not.toBe(first.memberId);
    expect(await isBanned(db, again.memberId, EVENT)).toBe(true);
    expect(await isBanned(db, again.memberId, 'evt-other')).toBe(false);
    const stranger = await guestFrom();
    expect(await isBanned(db, stranger.memberId, EVENT)).toBe(false);
  });

  it('is lifted with the ban', async () => {
    const { db } = layover.ctx.ledger;
    const first = await guestFrom();
    await banMember(db, { memberId: first.memberId, eventId: EVENT, scope: 'brand', by: 'host' });
    expect(await liftBan(db, first.memberId, 'brand', EVENT)).toBe(true);
    const again = await guestFrom(first.browserCookie);
    expect(await isBanned(db, again.memberId, EVENT)).toBe(false);
  });
});

describe('a ban on a member who kept their account', () => {
  it('reaches a new member signing in with the same email after the old account was erased', async () => {
    const { db } = layover.ctx.ledger;
    const email = `banned-${randomUUID()}@example.test`;
    const banned = await memberWithEmail(email);
    await banMember(db, { memberId: banned.id, eventId: EVENT, scope: 'brand', by: 'host' });
    await eraseMember(db, banned.id);
    const comeback = await memberWithEmail(email);
    expect(await isBanned(db, comeback.id, 'evt-any')).toBe(true);
    const other = await memberWithEmail(`other-${randomUUID()}@example.test`);
    expect(await isBanned(db, other.id, 'evt-any')).toBe(false);
  });

  it('reaches a new member holding the same wallet', async () => {
    const { db } = layover.ctx.ledger;
    const address = `0x${randomUUID().replaceAll('-', '').padEnd(40, '0')}`;
    const banned = await createMember(db, { displayName: 'Wade', address });
    await banMember(db, { memberId: banned.id, eventId: EVENT, scope: 'event', by: 'host' });
    await eraseMember(db, banned.id);
    const comeback = await createMember(db, { displayName: 'Wade II', address });
    expect(await isBanned(db, comeback.id, EVENT)).toBe(true);
  });
});

describe('a drop', () => {
  it('gives one place per browser: a second guest from the same browser has already claimed it', async () => {
    const { db } = layover.ctx.ledger;
    const now = new Date();
    const live = await createLiveEvent(
      db,
      {
        title: 'Browser drop',
        description: '',
        startsAt: now.toISOString(),
        durationMinutes: 60,
        hall: HALLS[0].id,
        access: { kind: 'anyone' },
        attendanceStampId: 'first-visit',
        attendMinutes: 1,
        drops: [],
      } as LiveEventSpec,
      'test',
    );
    const spec = {
      id: 'pins',
      prizeId: 'upgrade-voucher',
      supply: 3,
      windowSeconds: 600,
      mode: 'first',
    } as const;
    expect(await releaseDrop(db, live.id, spec, now)).toBeDefined();
    const first = await guestFrom();
    const second = await guestFrom(first.browserCookie);
    const claim = (memberId: string) =>
      claimDrop(db, live.id, 'pins', memberId, new Date(), undefined, 'any');
    expect((await claim(first.memberId)).outcome).toBe('won');
    expect((await claim(second.memberId)).outcome).toBe('already');
    const elsewhere = await guestFrom();
    expect((await claim(elsewhere.memberId)).outcome).toBe('won');
  });
});
