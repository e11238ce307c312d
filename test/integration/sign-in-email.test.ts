import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { emailCodes, memberCredentials, members } from '../../server/db/schema.ts';
import { type MailCatcher, startMailCatcher } from '../../server/mail/catcher.ts';
import { bootLayover, type RunningLayover } from '../../server/main.ts';
import { createLogger } from '../../server/observability/logger.ts';
import type { QuestsSnapshot } from '../../shared/protocol/quests.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { REFRESH_COOKIE } from '../../shared/protocol/sign-in.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { waitFor } from '../support/layover.ts';

/**
 * Email one-time-code sign-in on a real server, its codes sent through a real SMTP server this test starts
 * (SMTP_URL) and read out of the received mail. Every log line the server writes is kept, to prove no address leaks.
 */

let dir: string;
let smtp: MailCatcher;
let layover: RunningLayover;
const logLines: string[] = [];
const rooms: Room[] = [];
/** Every address this file sends to: none may appear in the server's log. */
const addresses = new Set<string>();
/** Counted for the note: codes and tries the limits refused. */
const refused = { codesPerIp: 0, codesPerEmail: 0, triesLocked: 0, triesWrong: 0 };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-email-'));
  smtp = await startMailCatcher();
  const config = loadConfig(
    { TEST_HOOKS: 'on' },
    {
      port: 0,
      anvilPort: 0,
      dataDir: join(dir, 'data'),
      deploymentsDir: join(dir, 'deployments'),
      smtpUrl: smtp.url,
      mailFrom: 'Layover Test <lounge@layover.test>',
      // The test stands in for a local reverse proxy: its X-Forwarded-For names each request's network.
      trustProxy: ['127.0.0.1', '::1'],
    },
  );
  const logger = createLogger({
    level: 'debug',
    format: 'json',
    destination: { write: (line: string) => void logLines.push(line) },
  });
  layover = await bootLayover(config, { log: (line) => logLines.push(line), logger });
});

afterAll(async () => {
  await Promise.all(rooms.map((room) => room.leave().catch(() => {})));
  await layover?.stop();
  await smtp?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  console.info(`[email limits] refused: ${JSON.stringify(refused)}`);
});

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
  body: any;
  /** The refresh cookie set by the answer (`name=value`), if any. */
  cookie: string | undefined;
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${layover.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] as string)
    .find((pair) => pair.startsWith(`${REFRESH_COOKIE}=`) && pair.length > REFRESH_COOKIE.length + 1);
  return { status: response.status, body: await response.json(), cookie };
}

/** Asks for a code, from `ip` (TRUST_PROXY names loopback here, as behind the cluster's own nginx). */
function start(email: string, ip: string, extra: Record<string, unknown> = {}) {
  addresses.add(email);
  return post(routes.emailStart.path, { email, ...extra }, { 'x-forwarded-for': ip });
}

function verify(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return post(routes.emailVerify.path, body, headers);
}

/** The newest code mail for `email`, read from what the SMTP server received. */
async function mailFor(email: string) {
  const mail = smtp.list().find((m) => m.to.includes(email));
  if (!mail) throw new Error('no mail for this address');
  return mail;
}

async function codeFor(email: string): Promise<string> {
  const code = /\b(\d{6})\b/.exec((await mailFor(email)).text)?.[1];
  if (!code) throw new Error('no code in the mail');
  return code;
}

/** Asks for a code and answers it: the sign-in a member makes. */
async function signIn(email: string, ip: string, extra: Record<string, unknown> = {}, headers = {}) {
  expect((await start(email, ip)).status).toBe(202);
  return verify({ email, code: await codeFor(email), ...extra }, headers);
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
async function me(token: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${layover.url}${routes.me.path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: await response.json() };
}

async function memberCount(): Promise<number> {
  return (await layover.ctx.ledger.db.select({ n: count() }).from(members))[0]?.n ?? 0;
}

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('email sign-in', () => {
  let mei: { id: string; token: string; cookie: string };

  it('signs a new member in by email: a lasting member, a refresh cookie, a token that seats them', async () => {
    const started = await start('mei@example.com', '10.0.0.1');
    expect(started).toMatchObject({ status: 202, body: { sent: true }, cookie: undefined });
    const mail = await mailFor('mei@example.com');
    expect(mail.from).toBe('Layover Test <lounge@layover.test>');
    expect(mail.subject).toMatch(/^\d{6} is your Layover sign-in code$/);
    expect(mail.text).toContain('10 minutes');
    expect(mail.text).toContain("If you didn't ask for this code, you can ignore this email");

    const before = await memberCount();
    const signedIn = await verify({
      email: 'MEI@Example.com ',
      code: await codeFor('mei@example.com'),
      name: 'Mei',
    });
    expect(signedIn).toMatchObject({
      status: 200,
      body: {
        status: 'signedIn',
        kind: 'email',
        linked: false,
        member: { name: 'Mei', address: null, lasting: true },
      },
    });
    expect(signedIn.cookie).toBeDefined();
    expect(await memberCount()).toBe(before + 1);
    mei = { id: signedIn.body.member.id, token: signedIn.body.token, cookie: signedIn.cookie as string };
    expect(await me(mei.token)).toMatchObject({
      status: 200,
      body: { kind: 'email', member: { id: mei.id } },
    });

    // The credential shows masked; the code table holds keyed hashes only (no address, no code).
    const [credential] = await layover.ctx.ledger.db
      .select()
      .from(memberCredentials)
      .where(eq(memberCredentials.memberId, mei.id));
    expect(credential).toMatchObject({
      kind: 'email',
      subject: 'mei@example.com',
      label: 'm•••@example.com',
    });
    const stored = await layover.ctx.ledger.db.select().from(emailCodes);
    const code = await codeFor('mei@example.com');
    for (const row of stored) {
      expect(JSON.stringify(row)).not.toContain('@');
      expect(row.codeHash).not.toContain(code);
      expect(row.emailHash).toMatch(/^[0-9a-f]{64}$/);
    }

    // The lounge seats the member and counts today's visit on their passport.
    const room = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token: mei.token });
    rooms.push(room);
    const snapshots: QuestsSnapshot[] = [];
    room.onMessage('quests', (snapshot: QuestsSnapshot) => snapshots.push(snapshot));
    await waitFor(() => room.state?.members?.get(room.sessionId), 10_000, 'Mei seated');
    await waitFor(
      () =>
        snapshots.some(
          (s) =>
            s.quests.find((q) => q.id === 'frequent-flyer')?.steps.find((st) => st.id === 'three-days')
              ?.progress,
        ),
      10_000,
      "today's visit on the passport",
    );
  });

  it('signs the same member in from a second browser (no cookie, no token): same member, same passport', async () => {
    const second = await signIn('mei@example.com', '10.0.0.2', { name: 'Someone Else' });
    expect(second).toMatchObject({
      status: 200,
      body: { kind: 'email', member: { id: mei.id, name: 'Mei' } },
    });
    expect(second.cookie).toBeDefined();
    expect(second.cookie).not.toBe(mei.cookie);
    expect(second.body.token).not.toBe(mei.token);
    const [first, again] = [await me(mei.token), await me(second.body.token)];
    expect(again.status).toBe(200);
    const passport = (body: { quests: unknown; stamps?: unknown; points?: unknown }) => ({
      quests: body.quests,
      stamps: body.stamps,
      points: body.points,
    });
    expect(passport(again.body)).toEqual(passport(first.body));
    expect(JSON.stringify(first.body.quests)).toContain('three-days');
  });

  it('refuses a wrong code (codeInvalid, counted, nothing else changes), then the right one still works', async () => {
    expect((await start('wrong@example.com', '10.0.0.3')).status).toBe(202);
    const code = await codeFor('wrong@example.com');
    const before = await memberCount();
    expect(await verify({ email: 'wrong@example.com', code: wrongCode(code) })).toMatchObject({
      status: 401,
      body: { error: 'codeInvalid' },
      cookie: undefined,
    });
    refused.triesWrong++;
    expect(await memberCount()).toBe(before);
    expect((await verify({ email: 'wrong@example.com', code })).status).toBe(200);
  });

  it('refuses an expired code (older than 10 minutes) as codeExpired', async () => {
    expect((await start('late@example.com', '10.0.0.4')).status).toBe(202);
    const code = await codeFor('late@example.com');
    // The server's clock cannot be moved in-process: the stored code is aged instead.
    await layover.ctx.ledger.db
      .update(emailCodes)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(emailCodes.id, (await latestCode()).id));
    const before = await memberCount();
    expect(await verify({ email: 'late@example.com', code })).toMatchObject({
      status: 401,
      body: { error: 'codeExpired' },
    });
    expect(await memberCount()).toBe(before);
  });

  it('uses a code once: the same code again is codeInvalid', async () => {
    const first = await signIn('once@example.com', '10.0.0.5');
    expect(first.status).toBe(200);
    expect(
      await verify({ email: 'once@example.com', code: await codeFor('once@example.com') }),
    ).toMatchObject({ status: 401, body: { error: 'codeInvalid' } });
  });

  it('locks a code after 5 wrong tries: the 6th try is codeLocked even with the right code; a new code works', async () => {
    expect((await start('brute@example.com', '10.0.0.6')).status).toBe(202);
    const code = await codeFor('brute@example.com');
    for (let n = 1; n <= 5; n++) {
      expect(await verify({ email: 'brute@example.com', code: wrongCode(code) })).toMatchObject({
        status: 401,
        body: { error: 'codeInvalid' },
      });
      refused.triesWrong++;
    }
    expect(await verify({ email: 'brute@example.com', code })).toMatchObject({
      status: 401,
      body: { error: 'codeLocked' },
    });
    refused.triesLocked++;
    expect(await verify({ email: 'brute@example.com', code })).toMatchObject({
      body: { error: 'codeLocked' },
    });
    refused.triesLocked++;
    expect((await signIn('brute@example.com', '10.0.0.6')).status).toBe(200);
  });

  it('lets only the newest code of an address work', async () => {
    expect((await start('twice@example.com', '10.0.0.7')).status).toBe(202);
    const older = await codeFor('twice@example.com');
    expect((await start('twice@example.com', '10.0.0.7')).status).toBe(202);
    const newer = await codeFor('twice@example.com');
    if (older !== newer)
      expect(await verify({ email: 'twice@example.com', code: older })).toMatchObject({
        body: { error: 'codeInvalid' },
      });
    expect((await verify({ email: 'twice@example.com', code: newer })).status).toBe(200);
  });

  it('answers the same 202 whether or not the address belongs to a member', async () => {
    const known = await start('once@example.com', '10.0.0.8');
    const unknown = await start('nobody@example.com', '10.0.0.8');
    expect(known).toEqual(unknown);
    expect(known).toMatchObject({ status: 202, body: { sent: true } });
  });

  it('limits codes per address: 5 an hour, the 6th is tooManyCodes and sends nothing', async () => {
    for (let n = 1; n <= 5; n++) expect((await start('many@example.com', `10.1.0.${n}`)).status).toBe(202);
    const sent = smtp.list().length;
    for (let n = 6; n <= 8; n++) {
      expect(await start('many@example.com', `10.1.0.${n}`)).toMatchObject({
        status: 429,
        body: { error: 'tooManyCodes' },
      });
      refused.codesPerEmail++;
    }
    expect(smtp.list().length).toBe(sent);
    // The last code sent still works.
    expect(
      (await verify({ email: 'many@example.com', code: await codeFor('many@example.com') })).status,
    ).toBe(200);
  });

  it('limits codes per network: 20 an hour from one IP, then tooManyCodes for any address, known or not', async () => {
    for (let n = 1; n <= 20; n++) expect((await start(`sweep${n}@example.com`, '10.2.0.1')).status).toBe(202);
    const sent = smtp.list().length;
    for (const email of [
      'sweep21@example.com',
      'mei@example.com',
      'sweep22@example.com',
      'sweep1@example.com',
    ]) {
      expect(await start(email, '10.2.0.1')).toMatchObject({ status: 429, body: { error: 'tooManyCodes' } });
      refused.codesPerIp++;
    }
    expect(smtp.list().length).toBe(sent);
    // Another network is not affected.
    expect((await start('sweep21@example.com', '10.2.0.2')).status).toBe(202);
  });

  it('writes the email in the language asked for, else the member stored one, else English', async () => {
    expect((await start('wrong@example.com', '10.0.0.9', { locale: 'vi' })).status).toBe(202);
    expect((await mailFor('wrong@example.com')).subject).toMatch(/là mã đăng nhập Layover của bạn$/);
    const [wrong] = await layover.ctx.ledger.db
      .select()
      .from(memberCredentials)
      .where(eq(memberCredentials.subject, 'wrong@example.com'));
    await layover.ctx.ledger.db
      .update(members)
      .set({ locale: 'zh-Hant' })
      .where(eq(members.id, wrong?.memberId ?? ''));
    expect((await start('wrong@example.com', '10.0.0.9')).status).toBe(202);
    const mail = await mailFor('wrong@example.com');
    expect(mail.subject).toMatch(/是你的 Layover 登入驗證碼$/);
    expect(mail.text).toContain('10 分鐘');
    expect((await start('nobody@example.com', '10.0.0.9', { locale: 'zh-Hans' })).status).toBe(202);
    expect((await mailFor('nobody@example.com')).text).toContain('10 分钟');
  });

  it('adds the email to a signed-in guest (linked), and refuses another member’s email to a lasting member', async () => {
    const guest = await post(routes.guestSignIn.path, { name: 'Guest' });
    expect(guest.status).toBe(200);
    const linked = await signIn(
      'guest@example.com',
      '10.0.0.10',
      {},
      { authorization: `Bearer ${guest.body.token}` },
    );
    expect(linked).toMatchObject({
      status: 200,
      body: { linked: true, member: { id: guest.body.member.id, lasting: true } },
    });

    // The lasting guest now tries Mei's address: refused, and the code stays usable for Mei herself.
    expect((await start('mei@example.com', '10.0.0.10')).status).toBe(202);
    const code = await codeFor('mei@example.com');
    expect(
      await verify({ email: 'mei@example.com', code }, { authorization: `Bearer ${linked.body.token}` }),
    ).toMatchObject({ status: 409, body: { error: 'credentialInUse' } });
    expect(await verify({ email: 'mei@example.com', code })).toMatchObject({
      status: 200,
      body: { member: { id: mei.id } },
    });
  });

  it('answers bad bodies with a stable code and counts no try', async () => {
    expect((await start('not-an-email', '10.0.0.11')).body.error).toBe('invalidEmail');
    expect((await post(routes.emailStart.path, { email: 'a@example.com', extra: 1 })).body.error).toBe(
      'invalidEmail',
    );
    expect((await start('a@example.com', '10.0.0.11', { locale: 'fr' })).status).toBe(400);
    expect((await start('tries@example.com', '10.0.0.11')).status).toBe(202);
    const triesBefore = (await latestCode()).tries;
    for (const code of ['12345', '1234567', 'abcdef', 123456]) {
      expect(await verify({ email: 'tries@example.com', code })).toMatchObject({
        status: 400,
        body: { error: 'codeInvalid' },
      });
    }
    expect((await verify({ email: 'nope', code: '123456' })).body.error).toBe('invalidEmail');
    expect((await latestCode()).tries).toBe(triesBefore);
    expect(
      (await verify({ email: 'tries@example.com', code: await codeFor('tries@example.com') })).status,
    ).toBe(200);
  });

  it('has no dev mailbox when SMTP_URL is set', async () => {
    for (const path of [routes.devMailbox.path, routes.devMailboxMessages.path]) {
      const response = await fetch(`${layover.url}${path}`);
      expect(response.status).toBe(404);
    }
  });

  it('never writes an email address to the log', () => {
    const log = logLines.join('\n');
    expect(log.length).toBeGreaterThan(0);
    expect(addresses.size).toBeGreaterThan(20);
    for (const email of addresses) expect(log.toLowerCase()).not.toContain(email);
    expect(log).not.toContain('@example.com');
  });
});

/** The newest stored code row. */
async function latestCode() {
  const rows = await layover.ctx.ledger.db.select().from(emailCodes);
  const newest = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  if (!newest) throw new Error('no code stored');
  return newest;
}
