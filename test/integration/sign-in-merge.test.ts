import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailHashOf } from '../../server/auth/email/code-store.ts';
import type { Db } from '../../server/db/open.ts';
import {
  authChallenges,
  deviceSessions,
  emailCodes,
  memberCredentials,
  memberStamps,
} from '../../server/db/schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { BRAND_ACCOUNT, balanceOf, memberAccount, postMovement } from '../../server/points/ledger.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { startTestLayover } from '../support/layover.ts';

/**
 * "Continue as that member": a guest proves an email that already belongs to a member, is offered the merge, and on
 * accepting becomes that member with the guest's progress moved over. Real server, real email codes (the dev
 * catcher's mailbox), real ledger.
 */
let layover: RunningLayover;

beforeAll(async () => {
  layover = await startTestLayover();
});

afterAll(async () => {
  await layover?.stop();
});

async function call(
  method: string,
  path: string,
  options: { body?: unknown; token?: string } = {},
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
): Promise<any> {
  const headers: Record<string, string> = { origin: layover.url };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${layover.url}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function codesFor(email: string): Promise<string[]> {
  const { body } = await call('GET', routes.devMailboxMessages.path);
  return (body.messages as { to: string[]; receivedAt: number; text: string }[])
    .filter((message) => message.to.includes(email))
    .sort((a, b) => b.receivedAt - a.receivedAt)
    .map((message) => message.text.match(/\b(\d{6})\b/)?.[1] ?? '');
}

/** Asks for a code and reads it from the dev mailbox once it arrives. */
async function mailedCode(email: string): Promise<string> {
  const had = (await codesFor(email)).length;
  expect((await call('POST', routes.emailStart.path, { body: { email } })).status).toBe(202);
  for (const deadline = Date.now() + 10_000; ; ) {
    const codes = await codesFor(email);
    if (codes.length > had && codes[0]) return codes[0];
    if (Date.now() > deadline) throw new Error(`no code mailed to ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function verify(email: string, token?: string) {
  const code = await mailedCode(email);
  return call('POST', routes.emailVerify.path, { body: { email, code }, ...(token ? { token } : {}) });
}

async function guest(name: string) {
  const { body } = await call('POST', routes.guestSignIn.path, { body: { name } });
  return body as { token: string; member: { id: string } };
}

const points = (memberId: string) => balanceOf(layover.ctx.ledger.db, memberAccount(memberId));

/** Points from before the ledger, as migration 0004 carried them over: an opening movement against the brand. */
const openBalance = (db: Db, memberId: string, points: number) =>
  db.transaction((tx) =>
    postMovement(tx, {
      key: `opening:${memberId}`,
      kind: 'opening',
      reason: { code: 'opening' },
      at: new Date(),
      entries: [
        { account: memberAccount(memberId), amount: points },
        { account: BRAND_ACCOUNT, amount: -points },
      ],
    }),
  );

describe('a guest who proves an email that belongs to a member', () => {
  it('is offered the merge; accepting moves their progress and signs them in as that member', async () => {
    const owner = await verify('mei@example.com');
    expect(owner.body).toMatchObject({ status: 'signedIn', kind: 'email', member: { lasting: true } });
    const memberId = owner.body.member.id as string;

    const visitor = await guest('Visitor');
    const db = layover.ctx.ledger.db;
    await openBalance(db, visitor.member.id, 40);
    await db.insert(memberStamps).values({
      memberId: visitor.member.id,
      stampId: 'first-visit',
      questId: 'first-visit',
      earnedAt: new Date(),
      eventId: `merge-test-${visitor.member.id}`,
      place: 'lounge',
    });

    const offer = await verify('mei@example.com', visitor.token);
    expect(offer.status).toBe(200);
    expect(offer.body).toMatchObject({ status: 'mergeOffer', member: { name: owner.body.member.name } });
    // Nothing moved yet: the offer alone changes nothing.
    expect(await points(memberId)).toBe(0);

    // Another guest cannot take someone else's ticket.
    const other = await guest('Other');
    const stolen = await call('POST', routes.merge.path, {
      body: { ticket: offer.body.ticket },
      token: other.token,
    });
    expect(stolen).toMatchObject({ status: 410, body: { error: 'mergeExpired' } });

    const accepted = await call('POST', routes.merge.path, {
      body: { ticket: offer.body.ticket },
      token: visitor.token,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'signedIn', kind: 'email', member: { id: memberId } });
    expect(await points(memberId)).toBe(40);
    const stamps = await db.select().from(memberStamps).where(eq(memberStamps.memberId, memberId));
    expect(stamps.map((stamp) => stamp.stampId)).toEqual(['first-visit']);
    // The guest's session is over; the ticket is spent.
    expect((await call('GET', routes.me.path, { token: visitor.token })).status).toBe(401);
    const again = await call('POST', routes.merge.path, {
      body: { ticket: offer.body.ticket },
      token: accepted.body.token,
    });
    expect(again.status).toBe(409);
  });

  it('refuses an expired ticket and a made-up one, and moves nothing', async () => {
    await verify('lan@example.com');
    const visitor = await guest('Late');
    await openBalance(layover.ctx.ledger.db, visitor.member.id, 5);
    const offer = await verify('lan@example.com', visitor.token);
    expect(offer.body.status).toBe('mergeOffer');
    await layover.ctx.ledger.db
      .update(authChallenges)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(authChallenges.id, offer.body.ticket));
    for (const ticket of [offer.body.ticket, 'x'.repeat(43)]) {
      const answer = await call('POST', routes.merge.path, { body: { ticket }, token: visitor.token });
      expect(answer).toMatchObject({ status: 410, body: { error: 'mergeExpired' } });
    }
    expect(await points(visitor.member.id)).toBe(5);
    expect((await call('GET', routes.me.path, { token: visitor.token })).status).toBe(200);
  });

  it('never moves an email from a member who already kept their account: credentialInUse', async () => {
    await verify('kai@example.com');
    const other = await verify('linh@example.com');
    const answer = await verify('kai@example.com', other.body.token);
    expect(answer).toMatchObject({ status: 409, body: { error: 'credentialInUse' } });
    const mine = await call('GET', routes.myCredentials.path, { token: other.body.token });
    expect(mine.body.credentials).toHaveLength(1);
  });

  it('adds a new email to the signed-in guest, who keeps their record and is now lasting', async () => {
    const visitor = await guest('Keeper');
    const answer = await verify('keeper@example.com', visitor.token);
    expect(answer.body).toMatchObject({
      status: 'signedIn',
      linked: true,
      kind: 'email',
      member: { id: visitor.member.id, name: 'Keeper', lasting: true },
    });
    // The same browser's session was upgraded in place: the old access token still answers until it expires.
    expect((await call('GET', routes.me.path, { token: visitor.token })).status).toBe(200);
  });
});

describe('erasure of a member who signed in by email', () => {
  it('deletes their email, browsers and the codes sent to the address; the token stops working', async () => {
    const signedIn = await verify('erase.me@example.com');
    const memberId = signedIn.body.member.id as string;
    const db = layover.ctx.ledger.db;
    const hash = await emailHashOf(db, 'erase.me@example.com');
    expect(await db.select().from(emailCodes).where(eq(emailCodes.emailHash, hash))).not.toHaveLength(0);
    const erased = await call('DELETE', routes.eraseMe.path, {
      body: { confirm: 'erase my data' },
      token: signedIn.body.token,
    });
    expect(erased.status).toBe(200);
    expect(await db.select().from(emailCodes).where(eq(emailCodes.emailHash, hash))).toHaveLength(0);
    expect(
      await db.select().from(memberCredentials).where(eq(memberCredentials.memberId, memberId)),
    ).toHaveLength(0);
    expect(await db.select().from(deviceSessions).where(eq(deviceSessions.memberId, memberId))).toHaveLength(
      0,
    );
    expect((await call('GET', routes.me.path, { token: signedIn.body.token })).status).toBe(401);
  });
});
