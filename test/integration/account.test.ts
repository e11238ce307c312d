import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Request, Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeviceSession } from '../../server/auth/device-sessions.ts';
import { accountAudit, deviceSessions, memberCredentials, members } from '../../server/db/schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { routePath, routes } from '../../shared/protocol/routes.ts';
import { REFRESH_COOKIE, type SessionKindName } from '../../shared/protocol/sign-in.ts';
import { startTestLayover } from '../support/layover.ts';

// The member's own account on a real server: "Your devices", credentials, marketing consent and email language,
// and what an attacker holding their own valid session can (not) do to someone else's devices and credentials.

const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1';

let layover: RunningLayover;
const db = () => layover.ctx.ledger.db;

beforeAll(async () => {
  layover = await startTestLayover();
});

afterAll(async () => {
  await layover?.stop();
});

interface Browser {
  memberId: string;
  token: string;
  /** `layover_refresh=<deviceId>.<secret>` as the browser would send it to /auth. */
  cookie: string;
  deviceId: string;
}

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
  body: any;
  headers: Headers;
}

async function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${layover.url}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

const refreshCookieOf = (headers: Headers) =>
  headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${REFRESH_COOKIE}=`));

const deviceIdOf = (cookie: string) => (cookie.split('=')[1] ?? '').split('.')[0] ?? '';

/** A guest sign-in through the real route, from a browser with this User-Agent. */
async function guest(name: string, userAgent = CHROME_WINDOWS): Promise<Browser> {
  const { status, body, headers } = await call('POST', routes.guestSignIn.path, {
    body: { name },
    headers: { 'user-agent': userAgent },
  });
  expect(status).toBe(200);
  const cookie = refreshCookieOf(headers);
  if (!cookie) throw new Error('guest sign-in set no refresh cookie');
  return { memberId: body.member.id, token: body.token, cookie, deviceId: deviceIdOf(cookie) };
}

/**
 * The same member signing in on another browser. The other sign-ins (email, passkey, brand) end in the lead's
 * startDeviceSession; calling it in this server's process makes the second device without depending on them.
 */
async function anotherBrowser(
  memberId: string,
  userAgent: string,
  kind: SessionKindName = 'email',
): Promise<Browser> {
  let cookie = '';
  const req = { get: (name: string) => (name.toLowerCase() === 'user-agent' ? userAgent : undefined) };
  const res = {
    cookie(name: string, value: string) {
      cookie = `${name}=${value}`;
      return res;
    },
  };
  const signedIn = await startDeviceSession(
    layover.ctx,
    req as unknown as Request,
    res as unknown as Response,
    memberId,
    kind,
  );
  return { memberId, token: signedIn.token, cookie, deviceId: deviceIdOf(cookie) };
}

const me = (browser: Browser) => call('GET', routes.me.path, { token: browser.token });
const devices = (browser: Browser) => call('GET', routes.myDevices.path, { token: browser.token });
const credentials = (browser: Browser) => call('GET', routes.myCredentials.path, { token: browser.token });
const refresh = (cookie: string) =>
  call('POST', routes.refresh.path, { headers: { cookie, origin: layover.url } });
const signOut = (browser: Browser, id: string) =>
  call('DELETE', routePath(routes.signOutDevice.path, { id }), { token: browser.token });
const removeCredential = (browser: Browser, id: string) =>
  call('DELETE', routePath(routes.removeCredential.path, { id }), { token: browser.token });
const setConsent = (browser: Browser, body: unknown, headers?: Record<string, string>) =>
  call('PUT', routes.setConsent.path, { token: browser.token, body, ...(headers ? { headers } : {}) });
const setLocale = (browser: Browser, body: unknown) =>
  call('PUT', routes.setLocale.path, { token: browser.token, body });

/** Adds a credential row directly (as the email, passkey and brand sign-ins will). */
async function addCredential(
  memberId: string,
  kind: 'email' | 'passkey' | 'oidc',
  subject = `${kind}-${randomUUID()}`,
  label = '',
): Promise<string> {
  const id = randomUUID();
  await db().insert(memberCredentials).values({ id, memberId, kind, subject, label });
  return id;
}

async function credentialIds(memberId: string): Promise<string[]> {
  const rows = await db()
    .select({ id: memberCredentials.id })
    .from(memberCredentials)
    .where(eq(memberCredentials.memberId, memberId));
  return rows.map((row) => row.id).sort();
}

async function memberRow(memberId: string) {
  const [row] = await db().select().from(members).where(eq(members.id, memberId));
  if (!row) throw new Error(`no member ${memberId}`);
  return row;
}

const randomAddress = () => `0x${randomBytes(20).toString('hex')}`;

describe('Your devices', () => {
  it('lists both browsers of a member who signed in twice, with browser, kind, first and last seen, and which is this one', async () => {
    const chrome = await guest('Mei', CHROME_WINDOWS);
    const firefox = await anotherBrowser(chrome.memberId, FIREFOX_LINUX, 'email');

    const fromChrome = await devices(chrome);
    expect(fromChrome.status).toBe(200);
    expect(fromChrome.headers.get('cache-control')).toBe('no-store');
    expect(fromChrome.body.devices).toHaveLength(2);
    const byId = new Map(fromChrome.body.devices.map((device: { id: string }) => [device.id, device]));
    expect(byId.get(chrome.deviceId)).toMatchObject({
      browser: 'Chrome on Windows',
      kind: 'guest',
      current: true,
    });
    expect(byId.get(firefox.deviceId)).toMatchObject({
      browser: 'Firefox on Linux',
      kind: 'email',
      current: false,
    });
    for (const device of fromChrome.body.devices) {
      expect(Object.keys(device).sort()).toEqual([
        'browser',
        'createdAt',
        'current',
        'id',
        'kind',
        'lastSeenAt',
      ]);
      expect(device.createdAt).toBeGreaterThan(Date.now() - 60_000);
      expect(device.lastSeenAt).toBeGreaterThanOrEqual(device.createdAt);
    }
    // Most recently used first: the Firefox sign-in came second.
    expect(fromChrome.body.devices[0].id).toBe(firefox.deviceId);

    const fromFirefox = await devices(firefox);
    const current = fromFirefox.body.devices.filter((device: { current: boolean }) => device.current);
    expect(current.map((device: { id: string }) => device.id)).toEqual([firefox.deviceId]);
  });

  it('signs one browser out: its next call is 401 and its refresh cookie is dead; the other browser goes on', async () => {
    const chrome = await guest('Ana', CHROME_WINDOWS);
    const firefox = await anotherBrowser(chrome.memberId, FIREFOX_LINUX);

    // The Firefox browser's refresh works while it is signed in (and rotates its cookie).
    const refreshed = await refresh(firefox.cookie);
    expect(refreshed.status).toBe(200);
    const rotated = refreshCookieOf(refreshed.headers) ?? '';
    expect(deviceIdOf(rotated)).toBe(firefox.deviceId);
    const firefoxToken2 = refreshed.body.token as string;

    const ended = await signOut(chrome, firefox.deviceId);
    expect(ended.status).toBe(204);
    // Signing out another browser leaves this browser's cookie alone.
    expect(refreshCookieOf(ended.headers)).toBeUndefined();

    expect((await me(firefox)).status).toBe(401);
    expect((await me({ ...firefox, token: firefoxToken2 })).status).toBe(401);
    const dead = await refresh(rotated);
    expect(dead.status).toBe(401);
    expect(dead.body.error).toBe('sessionEnded');

    const [row] = await db().select().from(deviceSessions).where(eq(deviceSessions.id, firefox.deviceId));
    expect(row?.revokedAt).not.toBeNull();
    expect(row?.revokeReason).toBe('removedByMember');

    expect((await me(chrome)).status).toBe(200);
    const left = await devices(chrome);
    expect(left.body.devices.map((device: { id: string }) => device.id)).toEqual([chrome.deviceId]);

    // Already signed out: nothing to end.
    const again = await signOut(chrome, firefox.deviceId);
    expect(again.status).toBe(404);
    expect(again.body.error).toBe('deviceNotFound');
  });

  it('signing this browser out by its own id ends it and clears its refresh cookie', async () => {
    const chrome = await guest('Bo', CHROME_WINDOWS);
    const ended = await signOut(chrome, chrome.deviceId);
    expect(ended.status).toBe(204);
    expect(refreshCookieOf(ended.headers)).toBe(`${REFRESH_COOKIE}=`);
    expect((await me(chrome)).status).toBe(401);
  });

  it('signs out everywhere, this browser included, and clears the refresh cookie', async () => {
    const chrome = await guest('Lin', CHROME_WINDOWS);
    const firefox = await anotherBrowser(chrome.memberId, FIREFOX_LINUX);
    const iphone = await anotherBrowser(chrome.memberId, SAFARI_IPHONE, 'passkey');
    const bystander = await guest('Bystander');

    const ended = await call('DELETE', routes.signOutAllDevices.path, { token: firefox.token });
    expect(ended.status).toBe(204);
    const cleared = ended.headers.getSetCookie().find((line) => line.startsWith(`${REFRESH_COOKIE}=`)) ?? '';
    expect(cleared).toMatch(/^layover_refresh=;/);
    expect(cleared).toMatch(/Path=\/auth/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);

    for (const browser of [chrome, firefox, iphone]) {
      expect((await me(browser)).status).toBe(401);
      expect((await refresh(browser.cookie)).body.error).toBe('sessionEnded');
    }
    // Another member is untouched.
    expect((await me(bystander)).status).toBe(200);
    expect((await devices(bystander)).body.devices).toHaveLength(1);
  });
});

describe('Your devices, with the real email sign-in', () => {
  /** The codes mailed to `email` so far, newest first, read from the dev mailbox this server runs (no SMTP_URL). */
  async function mailedCodes(email: string): Promise<string[]> {
    const { status, body } = await call('GET', routes.devMailboxMessages.path);
    expect(status).toBe(200);
    return (body.messages as { to: string[]; receivedAt: number; text: string }[])
      .filter((message) => message.to.includes(email))
      .sort((a, b) => b.receivedAt - a.receivedAt)
      .map((message) => message.text.match(/\b(\d{6})\b/)?.[1] ?? '');
  }

  /** Waits for one more mail to `email` than it had, and reads its code. */
  async function nextCode(email: string, had: number): Promise<string> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const codes = await mailedCodes(email);
      if (codes.length > had && codes[0]) return codes[0];
      if (Date.now() > deadline) throw new Error(`no new code mailed to ${email}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function emailSignIn(email: string, userAgent: string, token?: string) {
    const had = (await mailedCodes(email)).length;
    const started = await call('POST', routes.emailStart.path, {
      body: { email },
      headers: { 'user-agent': userAgent },
    });
    expect(started.status).toBe(202);
    const code = await nextCode(email, had);
    const verified = await call('POST', routes.emailVerify.path, {
      body: { email, code },
      headers: { 'user-agent': userAgent },
      ...(token ? { token } : {}),
    });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body.status).toBe('signedIn');
    const cookie = refreshCookieOf(verified.headers) ?? '';
    return {
      body: verified.body,
      browser: {
        memberId: verified.body.member.id,
        token: verified.body.token,
        cookie,
        deviceId: deviceIdOf(cookie),
      },
    };
  }

  it('a guest keeps the account by email on one browser, signs in by email on another, and sees both', async () => {
    const email = `devices-${randomUUID().slice(0, 8)}@example.com`;
    const guestOnChrome = await guest('Keeper', CHROME_WINDOWS);
    const kept = await emailSignIn(email, CHROME_WINDOWS, guestOnChrome.token);
    expect(kept.body.linked).toBe(true);
    expect(kept.browser.memberId).toBe(guestOnChrome.memberId);
    const firefox = (await emailSignIn(email, FIREFOX_LINUX)).browser;
    expect(firefox.memberId).toBe(guestOnChrome.memberId);

    const listed = await devices(firefox);
    expect(listed.status).toBe(200);
    const summary = listed.body.devices.map((device: { browser: string; kind: string; current: boolean }) => [
      device.browser,
      device.kind,
      device.current,
    ]);
    expect(summary).toEqual([
      ['Firefox on Linux', 'email', true],
      ['Chrome on Windows', 'email', false],
    ]);

    // The email is this member's only way to sign in: it is listed masked, and cannot be removed.
    const listedCredentials = await credentials(firefox);
    expect(listedCredentials.body.credentials).toEqual([
      expect.objectContaining({ kind: 'email', label: `d•••@example.com` }),
    ]);
    const refused = await removeCredential(firefox, listedCredentials.body.credentials[0].id);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('lastCredential');

    // Chrome ends the Firefox browser; Firefox's token is refused at once.
    expect((await signOut(kept.browser, firefox.deviceId)).status).toBe(204);
    expect((await me(firefox)).status).toBe(401);
    expect((await devices(kept.browser)).body.devices).toHaveLength(1);
  });
});

describe('another member (IDOR)', () => {
  it('cannot see, end or even detect my devices', async () => {
    const victim = await guest('Victim', CHROME_WINDOWS);
    const victimPhone = await anotherBrowser(victim.memberId, SAFARI_IPHONE);
    const attacker = await guest('Attacker', FIREFOX_LINUX);

    const seen = await devices(attacker);
    expect(seen.body.devices.map((device: { id: string }) => device.id)).toEqual([attacker.deviceId]);

    // A real device id of someone else answers exactly like an id that never existed.
    const theirs = await signOut(attacker, victimPhone.deviceId);
    const nobodys = await signOut(attacker, randomBytes(16).toString('base64url'));
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(nobodys.body);
    expect(theirs.body.error).toBe('deviceNotFound');

    expect((await me(victimPhone)).status).toBe(200);
    expect((await devices(victim)).body.devices).toHaveLength(2);
    expect((await me(attacker)).status).toBe(200);
  });

  it('cannot see or remove my credentials', async () => {
    const victim = await guest('Victim2');
    const email = await addCredential(victim.memberId, 'email', 'victim@example.com');
    const passkey = await addCredential(victim.memberId, 'passkey', undefined, 'iPhone');
    const attacker = await guest('Attacker2');
    await addCredential(attacker.memberId, 'email', 'attacker@example.com');
    await addCredential(attacker.memberId, 'passkey');

    const seen = await credentials(attacker);
    expect(seen.body.credentials.map((credential: { id: string }) => credential.id)).not.toContain(email);
    expect(JSON.stringify(seen.body)).not.toContain('victim');

    for (const id of [email, passkey]) {
      const theirs = await removeCredential(attacker, id);
      const nobodys = await removeCredential(attacker, randomUUID());
      expect(theirs.status).toBe(404);
      expect(theirs.body).toEqual(nobodys.body);
      expect(theirs.body.error).toBe('credentialNotFound');
    }
    expect(await credentialIds(victim.memberId)).toEqual([email, passkey].sort());
  });
});

describe('credentials', () => {
  it('lists credentials with emails masked, the wallet and the consent', async () => {
    const member = await guest('Mask');
    const address = randomAddress();
    await db().update(members).set({ address }).where(eq(members.id, member.memberId));
    // Even a label stored unmasked by mistake goes out masked.
    const email = await addCredential(member.memberId, 'email', 'mei.lin@example.com', 'mei.lin@example.com');
    const passkey = await addCredential(member.memberId, 'passkey', undefined, 'Pixel 8');
    const brand = await addCredential(member.memberId, 'oidc', 'https://id.example.com 42', 'Skyways');

    const { status, body, headers } = await credentials(member);
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body.wallet).toBe(address);
    expect(body.marketingConsent).toEqual({ granted: false, at: null });
    // Added in the same millisecond here, so their order (by time added) is not asserted.
    expect(body.credentials).toHaveLength(3);
    expect(body.credentials).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: email, kind: 'email', label: 'm•••@example.com', lastUsedAt: null }),
        expect.objectContaining({ id: passkey, kind: 'passkey', label: 'Pixel 8' }),
        expect.objectContaining({ id: brand, kind: 'oidc', label: 'Skyways' }),
      ]),
    );
    expect(JSON.stringify(body)).not.toContain('mei.lin');
    expect(JSON.stringify(body)).not.toContain('id.example.com');
  });

  it('never removes the last way to sign in; a wallet counts as one', async () => {
    const member = await guest('Last');
    const email = await addCredential(member.memberId, 'email');
    const passkey = await addCredential(member.memberId, 'passkey');

    expect((await removeCredential(member, email)).status).toBe(204);
    const refused = await removeCredential(member, passkey);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('lastCredential');
    expect(await credentialIds(member.memberId)).toEqual([passkey]);

    // With a wallet, the last credential may go: the wallet still signs the member in.
    await db().update(members).set({ address: randomAddress() }).where(eq(members.id, member.memberId));
    expect((await removeCredential(member, passkey)).status).toBe(204);
    expect(await credentialIds(member.memberId)).toEqual([]);

    const audit = await db()
      .select()
      .from(accountAudit)
      .where(and(eq(accountAudit.memberId, member.memberId), eq(accountAudit.action, 'credentialRemoved')));
    expect(audit.map((row) => row.detail.credentialId).sort()).toEqual([email, passkey].sort());
  });

  it('two removals at once leave one credential, never none', async () => {
    for (let round = 0; round < 3; round++) {
      const member = await guest(`Race${round}`);
      const ids = [
        await addCredential(member.memberId, 'email'),
        await addCredential(member.memberId, 'passkey'),
      ];
      const answers = await Promise.all(ids.map((id) => removeCredential(member, id)));
      expect(answers.map((answer) => answer.status).sort()).toEqual([204, 409]);
      expect(await credentialIds(member.memberId)).toHaveLength(1);
    }
  });
});

describe('marketing consent and email language', () => {
  it('is off by default, keeps the time it was given, and clears it when withdrawn', async () => {
    const member = await guest('Consent');
    expect((await memberRow(member.memberId)).marketingConsentAt).toBeNull();

    const before = Date.now();
    const granted = await setConsent(member, { marketing: true });
    expect(granted.status).toBe(200);
    expect(granted.body.granted).toBe(true);
    expect(granted.body.at).toBeGreaterThanOrEqual(before - 1000);
    expect(granted.body.at).toBeLessThanOrEqual(Date.now() + 1000);
    expect((await memberRow(member.memberId)).marketingConsentAt?.getTime()).toBe(granted.body.at);

    // Saying yes again keeps the first time.
    expect((await setConsent(member, { marketing: true })).body).toEqual(granted.body);
    expect((await credentials(member)).body.marketingConsent).toEqual(granted.body);

    const withdrawn = await setConsent(member, { marketing: false });
    expect(withdrawn.body).toEqual({ granted: false, at: null });
    expect((await memberRow(member.memberId)).marketingConsentAt).toBeNull();
    expect((await credentials(member)).body.marketingConsent).toEqual({ granted: false, at: null });

    const audit = await db().select().from(accountAudit).where(eq(accountAudit.memberId, member.memberId));
    expect(audit.map((row) => row.action)).toEqual(['marketingConsentGranted', 'marketingConsentWithdrawn']);
  });

  it('sets the language of the member’s emails', async () => {
    const member = await guest('Locale');
    expect((await setLocale(member, { locale: 'zh-Hant' })).status).toBe(204);
    expect((await memberRow(member.memberId)).locale).toBe('zh-Hant');
    expect((await setLocale(member, { locale: 'vi' })).status).toBe(204);
    expect((await memberRow(member.memberId)).locale).toBe('vi');
  });
});

describe('a signed-out or missing session', () => {
  it('gets 401 on every account route, and changes nothing', async () => {
    const member = await guest('Revoked');
    const credential = await addCredential(member.memberId, 'email');
    await addCredential(member.memberId, 'passkey');
    const other = await anotherBrowser(member.memberId, FIREFOX_LINUX);
    expect((await call('POST', routes.logout.path, { token: member.token })).status).toBe(204);

    const attempts = (token: string | undefined) => [
      call('GET', routes.myDevices.path, { ...(token ? { token } : {}) }),
      call('DELETE', routes.signOutAllDevices.path, { ...(token ? { token } : {}) }),
      call('DELETE', routePath(routes.signOutDevice.path, { id: other.deviceId }), {
        ...(token ? { token } : {}),
      }),
      call('GET', routes.myCredentials.path, { ...(token ? { token } : {}) }),
      call('DELETE', routePath(routes.removeCredential.path, { id: credential }), {
        ...(token ? { token } : {}),
      }),
      call('PUT', routes.setConsent.path, { ...(token ? { token } : {}), body: { marketing: true } }),
      call('PUT', routes.setLocale.path, { ...(token ? { token } : {}), body: { locale: 'vi' } }),
    ];
    for (const token of [member.token, undefined, 'not-a-token-but-long-enough-to-look-like-one']) {
      const answers = await Promise.all(attempts(token));
      for (const answer of answers) {
        expect(answer.status).toBe(401);
        expect(answer.body.error).toBe('unauthorized');
      }
    }
    expect((await me(other)).status).toBe(200);
    expect(await credentialIds(member.memberId)).toHaveLength(2);
    const row = await memberRow(member.memberId);
    expect(row.marketingConsentAt).toBeNull();
    expect(row.locale).toBeNull();
  });
});

describe('a hostile client', () => {
  it('gets a stable 400 code for wrong types, extra keys and junk, and nothing changes', async () => {
    const member = await guest('Hostile');
    const consents: [unknown, Record<string, string>?][] = [
      [{ marketing: 'yes' }],
      [{ marketing: 1 }],
      [{ marketing: null }],
      [{}],
      [{ marketing: true, grantedAt: 0 }],
      [{ marketing: true, memberId: randomUUID() }],
      [[{ marketing: true }]],
      ['marketing=true', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['{"marketing":true}', { 'content-type': 'text/plain' }],
    ];
    for (const [body, headers] of consents) {
      const answer = await setConsent(member, body, headers);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error, JSON.stringify(body)).toBe('invalidConsent');
    }
    const locales: unknown[] = [
      { locale: 'fr' },
      { locale: 'EN' },
      { locale: 7 },
      { locale: 'en', extra: 1 },
      {},
    ];
    for (const body of locales) {
      const answer = await setLocale(member, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error, JSON.stringify(body)).toBe('invalidLocale');
    }
    // Broken JSON, and bare JSON values that are not an object or array, are refused before the route.
    for (const junk of ['{"marketing": tru', 'true', '"yes"', 'null']) {
      const broken = await setConsent(member, junk);
      expect(broken.status, junk).toBe(400);
      expect(broken.body.error, junk).toBe('invalidJson');
    }

    const row = await memberRow(member.memberId);
    expect(row.marketingConsentAt).toBeNull();
    expect(row.locale).toBeNull();
  });

  it('gets 413 for an oversized body, and nothing changes', async () => {
    const member = await guest('Huge');
    const huge = await setConsent(member, { marketing: true, pad: 'x'.repeat(20_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error).toBe('bodyTooLarge');
    const hugeLocale = await setLocale(member, { locale: 'vi', pad: 'x'.repeat(20_000) });
    expect(hugeLocale.status).toBe(413);
    const row = await memberRow(member.memberId);
    expect(row.marketingConsentAt).toBeNull();
    expect(row.locale).toBeNull();
  });

  it('gets 404 for odd ids (too long, injection-like, encoded junk) and nothing is ended or removed', async () => {
    const member = await guest('OddIds');
    await addCredential(member.memberId, 'email');
    await addCredential(member.memberId, 'passkey');
    const odd = ['x'.repeat(500), "' OR '1'='1", '%', '../me', '*', ' '];
    for (const id of odd) {
      const device = await signOut(member, id);
      expect(device.status, id).toBe(404);
      expect(device.body.error, id).toBe('deviceNotFound');
      const credential = await removeCredential(member, id);
      expect(credential.status, id).toBe(404);
      expect(credential.body.error, id).toBe('credentialNotFound');
    }
    expect((await me(member)).status).toBe(200);
    expect(await credentialIds(member.memberId)).toHaveLength(2);
  });
});
