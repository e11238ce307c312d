import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSession, resolveSession } from '../../server/auth/sessions.ts';
import { createMember } from '../../server/db/members.ts';
import type { Db } from '../../server/db/open.ts';
import { accountAudit, deviceSessions, memberCredentials } from '../../server/db/schema.ts';
import { emailPrincipal, grantStaffRole } from '../../server/live-events/staff.ts';
import type { RunningLayover } from '../../server/main.ts';
import { routePath, routes } from '../../shared/protocol/routes.ts';
import type { SessionKindName } from '../../shared/protocol/sign-in.ts';
import type { StaffRoleName } from '../../shared/protocol/staff-roles.ts';
import { walletSession } from '../support/event-bots.ts';
import { postJson, startTestLayover } from '../support/layover.ts';

// Brand staff without a wallet: a staff row keyed `email:<address>` or `oidc:<issuer> <sub>` opens the console to
// the member holding that credential, whichever way they signed in (except as a guest). The support flow lets an
// admin re-bind a member's email: refused for hosts and for an address another member holds, audited, and every
// browser of the member is signed out.

let layover: RunningLayover;
let db: Db;
/** Where the support routes answer: the server itself (see beforeAll). */
let supportUrl = '';

async function api(
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
): Promise<{ status: number; body: any; text: string }> {
  const base = path.startsWith(routes.consoleMembers.path) ? supportUrl : layover.url;
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, text };
}

/** A wallet-less member holding the given credentials, with a staff role on one of them if asked. */
async function member(
  name: string,
  options: { email?: string; oidc?: string; role?: StaffRoleName; kind?: SessionKindName } = {},
): Promise<{ id: string; token: string }> {
  const record = await createMember(db, { displayName: name });
  if (options.email)
    await db.insert(memberCredentials).values({
      id: randomUUID(),
      memberId: record.id,
      kind: 'email',
      subject: options.email,
      label: 'masked',
    });
  if (options.oidc)
    await db.insert(memberCredentials).values({
      id: randomUUID(),
      memberId: record.id,
      kind: 'oidc',
      subject: options.oidc,
      label: 'Brand',
    });
  if (options.role && options.email) await grantStaffRole(db, emailPrincipal(options.email), options.role);
  else if (options.role && options.oidc) await grantStaffRole(db, `oidc:${options.oidc}`, options.role);
  const kind = options.kind ?? (options.email ? 'email' : options.oidc ? 'oidc' : 'guest');
  const { token } = await issueSession(db, record.id, kind, 3_600_000);
  return { id: record.id, token };
}

const rebind = (token: string | undefined, memberId: string, body: unknown) =>
  api('PUT', routePath(routes.consoleRebindEmail.path, { memberId }), token, body);

const emailOf = async (memberId: string) =>
  (
    await db
      .select({ subject: memberCredentials.subject })
      .from(memberCredentials)
      .where(and(eq(memberCredentials.memberId, memberId), eq(memberCredentials.kind, 'email')))
  ).map((row) => row.subject);

async function codesFor(email: string): Promise<string[]> {
  const { body } = await api('GET', routes.devMailboxMessages.path, undefined);
  return (body.messages as { to: string[]; receivedAt: number; text: string }[])
    .filter((message) => message.to.includes(email))
    .sort((a, b) => b.receivedAt - a.receivedAt)
    .map((message) => message.text.match(/\b(\d{6})\b/)?.[1] ?? '');
}

/** Signs in with an email code read from the dev mailbox (the embedded SMTP catcher); answers the sign-in. */
async function signInByEmail(email: string) {
  const had = (await codesFor(email)).length;
  expect((await api('POST', routes.emailStart.path, undefined, { email })).status).toBe(202);
  let code = '';
  for (const deadline = Date.now() + 10_000; !code; ) {
    const codes = await codesFor(email);
    if (codes.length > had && codes[0]) code = codes[0];
    else if (Date.now() > deadline) throw new Error('no code mailed');
    else await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return api('POST', routes.emailVerify.path, undefined, { email, code });
}

const auditOf = (memberId: string) =>
  db.select().from(accountAudit).where(eq(accountAudit.memberId, memberId));

beforeAll(async () => {
  layover = await startTestLayover();
  db = layover.ctx.ledger.db;
  supportUrl = layover.url;
  // The real server serves the support routes (mounted ahead of the console's /api/console 404).
  const prober = await member('Probe Po', { email: 'probe@brand.example', role: 'owner' });
  const probe = await fetch(`${layover.url}${routes.consoleMembers.path}?q=x`, {
    headers: { authorization: `Bearer ${prober.token}` },
  });
  expect(probe.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await layover?.stop();
});

describe('console sign-in without a wallet', () => {
  it('lets a member whose email is staff in, whether signed in by email code or by passkey', async () => {
    const ops = await member('Ops Lin', { email: 'ops.lin@brand.example', role: 'host' });
    const me = await api('GET', routes.consoleMe.path, ops.token);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ memberId: ops.id, roles: ['host'], address: `member:${ops.id}` });
    expect(me.text).not.toContain('ops.lin@brand.example');
    expect((await api('GET', routes.consoleEvents.path, ops.token)).status).toBe(200);

    const { token: passkeyToken } = await issueSession(db, ops.id, 'passkey', 3_600_000);
    expect((await api('GET', routes.consoleMe.path, passkeyToken)).status).toBe(200);
  });

  it('lets a staff email in after a real email-code sign-in (STAFF_EMAILS-style grant on a new address)', async () => {
    await grantStaffRole(db, emailPrincipal('Desk@Brand.example'), 'host');
    const signedIn = await signInByEmail('desk@brand.example');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ status: 'signedIn', kind: 'email' });
    const me = await api('GET', routes.consoleMe.path, signedIn.body.token);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ memberId: signedIn.body.member.id, roles: ['host'] });
    expect(me.text).not.toContain('desk@brand.example');
  });

  it("lets a member in by the brand login's subject (oidc:<issuer> <sub>)", async () => {
    const brand = await member('Brand Kai', { oidc: 'https://id.brand.example 80412', role: 'owner' });
    const me = await api('GET', routes.consoleMe.path, brand.token);
    expect(me.status).toBe(200);
    expect(me.body.roles).toEqual(['owner']);
  });

  it('answers 401 without a session, 403 to a guest, a non-staff email member and a staff email in a guest session', async () => {
    expect((await api('GET', routes.consoleMe.path, undefined)).status).toBe(401);
    const guest = await postJson(`${layover.url}${routes.guestSignIn.path}`, { name: 'Guest Ana' });
    expect(guest.status).toBe(200);
    const asGuest = await api('GET', routes.consoleMe.path, guest.body.token);
    expect([asGuest.status, asGuest.body.error]).toEqual([403, 'forbidden']);

    const plain = await member('Plain Bo', { email: 'plain.bo@example.com' });
    expect((await api('GET', routes.consoleMe.path, plain.token)).body.error).toBe('forbidden');

    const guestKind = await member('Staff As Guest', {
      email: 'sag@brand.example',
      role: 'owner',
      kind: 'guest',
    });
    expect((await api('GET', routes.consoleMe.path, guestKind.token)).status).toBe(403);
  });

  it('holds the roles of all principals (wallet host + email owner = owner and host)', async () => {
    const wallet = await walletSession(db, 'Wallet Wu');
    await grantStaffRole(db, wallet.address, 'host');
    expect((await api('GET', routes.consoleMe.path, wallet.token)).body.roles).toEqual(['host']);
    await db.insert(memberCredentials).values({
      id: randomUUID(),
      memberId: wallet.memberId,
      kind: 'email',
      subject: 'wu@brand.example',
      label: 'w•••@brand.example',
    });
    await grantStaffRole(db, emailPrincipal('wu@brand.example'), 'owner');
    const me = await api('GET', routes.consoleMe.path, wallet.token);
    expect(me.body).toMatchObject({ roles: ['owner', 'host'], address: wallet.address.toLowerCase() });
  });
});

describe('support: find a member and re-bind their email', () => {
  let admin: { id: string; token: string };
  let host: { id: string; token: string };

  beforeAll(async () => {
    admin = await member('Admin Rae', { email: 'rae@brand.example', role: 'owner' });
    host = await member('Host Sol', { email: 'sol@brand.example', role: 'host' });
  });

  it('finds members by name or id, at most 20, emails masked', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 22; i += 1)
      ids.push((await member(`Searchable ${i}`, { email: `searchable${i}@example.com` })).id);
    const byName = await api('GET', `${routes.consoleMembers.path}?q=searchable`, admin.token);
    expect(byName.status).toBe(200);
    expect(byName.body.members).toHaveLength(20);
    expect(byName.text).not.toMatch(/searchable\d+@/);
    expect(byName.body.members[0].email).toMatch(/^s•••@example\.com$/);

    const byId = await api('GET', `${routes.consoleMembers.path}?q=${ids[3]}`, admin.token);
    expect(byId.body.members.map((m: { id: string }) => m.id)).toEqual([ids[3]]);
    expect(byId.body.members[0]).toMatchObject({
      name: 'Searchable 3',
      email: 's•••@example.com',
      devices: 0,
    });

    const wild = await api('GET', `${routes.consoleMembers.path}?q=%25`, admin.token);
    expect(wild.body.members).toEqual([]);

    for (const query of ['', '?q=', `?q=${'x'.repeat(101)}`, '?q=a&extra=1'])
      expect((await api('GET', `${routes.consoleMembers.path}${query}`, admin.token)).body.error).toBe(
        'invalidQuery',
      );
    expect((await api('GET', `${routes.consoleMembers.path}?q=a`, undefined)).status).toBe(401);
    const plain = await member('Not Staff', { email: 'notstaff@example.com' });
    expect((await api('GET', `${routes.consoleMembers.path}?q=a`, plain.token)).status).toBe(403);
    // Member support is the owner's: an event host is refused.
    const byHost = await api('GET', `${routes.consoleMembers.path}?q=a`, host.token);
    expect([byHost.status, byHost.body.error]).toEqual([403, 'roleRequired']);
  });

  it('re-binds a lost member’s email (admin), signs out all their browsers and audits it masked', async () => {
    // A member who kept their account with an email, on a browser with a lasting session (a refresh family).
    const guest = await postJson(`${layover.url}${routes.guestSignIn.path}`, { name: 'Lost Lee' });
    const lost = { id: guest.body.member.id as string, token: guest.body.token as string };
    await db.insert(memberCredentials).values({
      id: randomUUID(),
      memberId: lost.id,
      kind: 'email',
      subject: 'old.lee@example.com',
      label: '',
    });
    const { token: secondToken } = await issueSession(db, lost.id, 'email', 3_600_000);

    const answer = await rebind(admin.token, lost.id, {
      email: '  New.Lee@Example.com ',
      reason: 'Ticket 4411: receipt and birthday checked',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.member).toMatchObject({ id: lost.id, email: 'n•••@example.com', devices: 0 });
    expect(answer.text).not.toContain('new.lee@example.com');

    expect(await emailOf(lost.id)).toEqual(['new.lee@example.com']);
    expect(await resolveSession(db, lost.token)).toBeUndefined();
    expect(await resolveSession(db, secondToken)).toBeUndefined();
    const devices = await db.select().from(deviceSessions).where(eq(deviceSessions.memberId, lost.id));
    expect(devices.length).toBeGreaterThan(0);
    expect(
      devices.every((device) => device.revokedAt !== null && device.revokeReason === 'supportRebind'),
    ).toBe(true);

    const audit = await auditOf(lost.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorMemberId: admin.id,
      action: 'rebindEmail',
      memberId: lost.id,
      detail: { reason: 'Ticket 4411: receipt and birthday checked', email: 'n•••@example.com' },
    });
    expect(JSON.stringify(audit[0]?.detail)).not.toMatch(/new\.lee@|old\.lee@/);

    // The member signs in again with the new address and is the same member; the old one makes someone new.
    const back = await signInByEmail('new.lee@example.com');
    expect(back.body).toMatchObject({ status: 'signedIn', member: { id: lost.id } });
  });

  it('refuses a host, an address another member holds, bad bodies and unknown members, changing nothing', async () => {
    const target = await member('Target Tam', { email: 'tam@example.com' });
    const other = await member('Other Oz', { email: 'oz@example.com' });
    const reason = 'Ticket 5000: identity checked';

    const byHost = await rebind(host.token, target.id, { email: 'tam.new@example.com', reason });
    expect([byHost.status, byHost.body.error]).toEqual([403, 'roleRequired']);
    // The host's own session goes on.
    expect((await api('GET', routes.consoleMe.path, host.token)).status).toBe(200);

    const taken = await rebind(admin.token, target.id, { email: 'OZ@example.com', reason });
    expect([taken.status, taken.body.error]).toEqual([409, 'credentialInUse']);

    const cases: [unknown, string][] = [
      [{ email: 'not-an-email', reason }, 'invalidEmail'],
      [{ email: 'tam.new@example.com', reason: ' x ' }, 'invalidReason'],
      [{ email: 'tam.new@example.com' }, 'invalidReason'],
      [{ email: 'tam.new@example.com', reason: 'r'.repeat(501) }, 'invalidReason'],
      [{ email: 'tam.new@example.com', reason, extra: true }, 'invalidReason'],
    ];
    for (const [body, code] of cases) {
      const refused = await rebind(admin.token, target.id, body);
      expect([refused.status, refused.body.error]).toEqual([400, code]);
    }
    const unknown = await rebind(admin.token, randomUUID(), { email: 'tam.new@example.com', reason });
    expect([unknown.status, unknown.body.error]).toEqual([404, 'memberNotFound']);
    expect((await rebind(undefined, target.id, { email: 'tam.new@example.com', reason })).status).toBe(401);

    expect(await emailOf(target.id)).toEqual(['tam@example.com']);
    expect(await emailOf(other.id)).toEqual(['oz@example.com']);
    expect(await auditOf(target.id)).toEqual([]);
    expect(await resolveSession(db, target.token)).toBeDefined();
  });

  it('gives a member without any email one (a guest recovering by support)', async () => {
    const bare = await member('Bare Bea');
    const answer = await rebind(admin.token, bare.id, {
      email: 'bea@example.com',
      reason: 'Ticket 6: in person',
    });
    expect(answer.status).toBe(200);
    expect(await emailOf(bare.id)).toEqual(['bea@example.com']);
    expect((await auditOf(bare.id))[0]?.detail).toMatchObject({ replaced: [] });
  });
});
