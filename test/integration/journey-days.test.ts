import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningLayover } from '../../server/main.ts';
import type { QuestsSnapshot } from '../../shared/protocol/quests.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { REFRESH_COOKIE } from '../../shared/protocol/sign-in.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { startTestLayover, waitFor } from '../support/layover.ts';

/**
 * "Come back on three different days", by a member who signed in with an email on a local dev chain without
 * SMTP_URL (the code read from the dev mailbox), kept signed in across the days by the refresh cookie alone.
 * The days are simulated by moving the process's Date (the server runs in this process); timers stay real.
 */

let layover: RunningLayover;

beforeAll(async () => {
  layover = await startTestLayover();
});

afterAll(async () => {
  vi.useRealTimers();
  await layover?.stop();
});

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
  body: any;
  cookie: string | undefined;
}

async function call(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Answer> {
  const response = await fetch(`${layover.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] as string)
    .find((pair) => pair.startsWith(`${REFRESH_COOKIE}=`) && pair.length > REFRESH_COOKIE.length + 1);
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text, cookie };
}

/** The dev mailbox's messages, asked as the lounge's own page would (same origin). */
async function mailbox(headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' }) {
  return call('GET', routes.devMailboxMessages.path, headers);
}

async function codeFromMailbox(email: string): Promise<string> {
  const { body } = await mailbox();
  const mail = body.messages.find((m: { to: string[] }) => m.to.includes(email));
  const code = /\b(\d{6})\b/.exec(mail?.text ?? '')?.[1];
  if (!code) throw new Error('no code in the dev mailbox');
  return code;
}

describe('the dev mailbox (local dev chain, no SMTP_URL)', () => {
  it('shows sent mail to the lounge itself: a self-contained page and its JSON', async () => {
    const page = await call('GET', routes.devMailbox.path, { 'sec-fetch-site': 'none' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Layover dev mailbox</title>');
    expect(page.body).toContain(routes.devMailboxMessages.path);
    const headers = await fetch(`${layover.url}${routes.devMailbox.path}`);
    expect(headers.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.headers.get('cache-control')).toBe('no-store');

    expect((await call('POST', routes.emailStart.path, {}, { email: 'box@example.com' })).status).toBe(202);
    const { status, body } = await mailbox({ origin: layover.url });
    expect(status).toBe(200);
    expect(body.messages[0]).toMatchObject({
      to: ['box@example.com'],
      subject: expect.stringMatching(/^\d{6} is/),
    });
    expect(body.messages[0].text).toContain('10 minutes');
    expect(typeof body.messages[0].receivedAt).toBe('number');
    expect((await mailbox({})).status).toBe(200);
  });

  it('refuses other sites with 403 crossSite (Origin or Sec-Fetch-Site)', async () => {
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: layover.url, 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of crossSite) {
      for (const path of [routes.devMailbox.path, routes.devMailboxMessages.path]) {
        expect(await call('GET', path, headers)).toMatchObject({ status: 403, body: { error: 'crossSite' } });
      }
    }
  });
});

describe('a journey over three days with an email sign-in', () => {
  const DAY = 24 * 3_600_000;
  /** UTC midnight of tomorrow (real time): the simulated days lie ahead of the real clock, never behind. */
  const base = Math.ceil(Date.now() / DAY) * DAY;
  const email = 'regular@example.com';

  async function visitLounge(token: string, expected: number): Promise<void> {
    const room = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token });
    const snapshots: QuestsSnapshot[] = [];
    room.onMessage('quests', (snapshot: QuestsSnapshot) => snapshots.push(snapshot));
    await waitFor(
      () =>
        snapshots.some(
          (s) =>
            s.quests.find((q) => q.id === 'frequent-flyer')?.steps.find((st) => st.id === 'three-days')
              ?.progress === expected,
        ),
      10_000,
      `three-days at ${expected}`,
    );
    await room.leave();
  }

  async function threeDays(token: string) {
    const { body } = await call('GET', routes.me.path, { authorization: `Bearer ${token}` });
    return body.quests
      .find((q: { id: string }) => q.id === 'frequent-flyer')
      .steps.find((s: { id: string }) => s.id === 'three-days');
  }

  it('comes back on three days, signed in by the refresh cookie each day, and completes the step', async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });

    // Day 1, 20:00 UTC: first visit, signs in with an email code read from the dev mailbox.
    vi.setSystemTime(base + 20 * 3_600_000);
    expect((await call('POST', routes.emailStart.path, {}, { email, locale: 'en' })).status).toBe(202);
    const signedIn = await call(
      'POST',
      routes.emailVerify.path,
      {},
      { email, code: await codeFromMailbox(email), name: 'Regular' },
    );
    expect(signedIn).toMatchObject({
      status: 200,
      body: { kind: 'email', member: { name: 'Regular', lasting: true } },
    });
    const memberId = signedIn.body.member.id;
    let cookie = signedIn.cookie as string;
    let token = signedIn.body.token as string;
    await visitLounge(token, 1);

    // Day 2, 10:00 UTC (14 h later): yesterday's access token is long gone; the refresh cookie signs them in.
    for (const [hoursLater, day] of [
      [DAY / 3_600_000 + 10, 2],
      [(2 * DAY) / 3_600_000 + 8, 3],
    ] as const) {
      vi.setSystemTime(base + hoursLater * 3_600_000);
      expect((await call('GET', routes.me.path, { authorization: `Bearer ${token}` })).status).toBe(401);
      const refreshed = await call('POST', routes.refresh.path, { cookie, origin: layover.url });
      expect(refreshed).toMatchObject({
        status: 200,
        body: { status: 'signedIn', member: { id: memberId } },
      });
      expect(refreshed.cookie).toBeDefined();
      expect(refreshed.cookie).not.toBe(cookie);
      cookie = refreshed.cookie as string;
      token = refreshed.body.token;
      await visitLounge(token, day);
    }

    // A second visit on day 3 does not count again; the step is complete.
    await visitLounge(token, 3);
    expect(await threeDays(token)).toMatchObject({ progress: 3, target: 3 });
  });
});
