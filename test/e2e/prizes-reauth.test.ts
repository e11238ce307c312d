import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MailCatcher, startMailCatcher } from '../../server/mail/catcher.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { launchChromium } from '../support/browser.ts';
import { eventually } from '../support/layover.ts';
import { type LayoverWindow, WAIT } from '../support/lounge-page.ts';
import { devPartnerSecret, partnerFetch } from '../support/partner.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

/**
 * "Sign in again to confirm" in Chromium: with a 6-second re-authentication window, a member's held prize is not
 * moved on an older session; the card asks them to sign in again (here by emailed code, inside the card), and the
 * redemption then carries on by itself and gives the perk.
 */
const DAY_PASS = 'lounge-day-pass';
const HELD = `holding-${DAY_PASS}-held`;

let dir: string;
let smtp: MailCatcher | undefined;
let server: StartedServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-prizes-reauth-'));
  smtp = await startMailCatcher();
  server = await spawnLayoverIn(dir, { SMTP_URL: smtp.url, RELAY_REAUTH_MINUTES: '0.1' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await smtp?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Asks for a code at the open email form and types the one that arrives. */
async function enterEmailCode(page: Page, email: string): Promise<void> {
  await page.getByTestId('email-input').fill(email);
  const since = Date.now();
  await page.getByTestId('email-send').click();
  await page.getByTestId('code-input').waitFor({ state: 'visible', ...WAIT });
  const mail = await smtp!.next((message) => message.to.includes(email) && message.receivedAt >= since);
  await page.getByTestId('code-input').fill(/\b(\d{6})\b/.exec(mail.text)?.[1] ?? '');
  await page.getByTestId('code-verify').click();
}

const tokenOf = (page: Page) =>
  page.evaluate(() => (window as unknown as LayoverWindow).__layover.getState().token ?? '');

async function call(path: string, token: string, body?: unknown) {
  const response = await fetch(`${server!.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

describe('sign in again to confirm, in Chromium', () => {
  it('a held prize on an older session asks for a fresh sign-in in the card, then redeems by itself', {
    timeout: 300_000,
  }, async () => {
    const email = `ana-${Date.now()}@example.test`;
    const page = await browser!.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(server!.url);
    await page.getByTestId('name-input').fill('Ana');
    await page.getByTestId('signin-email').click();
    await enterEmailCode(page, email);
    await page.waitForFunction(
      () => Boolean((window as unknown as LayoverWindow).__layover?.self?.()),
      null,
      WAIT,
    );

    // A Day Pass held for her (partner points, then the catalogue).
    const token = await tokenOf(page);
    const { memberNumber } = (await call(routes.pointsSummary.path, token)).body as { memberNumber: string };
    const earned = await partnerFetch(server!.url, {
      partnerId: 'harbor-coffee',
      secret: devPartnerSecret('harbor-coffee'),
      method: 'POST',
      path: '/api/partners/v1/activities',
      idempotencyKey: `e2e-reauth-${memberNumber}`,
      body: {
        type: 'purchase',
        member: { memberNumber },
        units: 9000,
        occurredAt: new Date().toISOString(),
        description: 'Coffee for the flight',
      },
    });
    expect(earned.status).toBeLessThan(300);
    const bought = await call(routes.pointsPurchase.path, token, {
      itemId: DAY_PASS,
      purchaseId: randomUUID(),
    });
    expect(bought.status).toBeLessThan(300);

    // The server's own answer says when her session is no longer fresh (the 6 s window has passed).
    const prepare = { kind: 'redeem', prizeId: DAY_PASS, amount: 1 };
    await eventually(
      async () => {
        const answer = await call(routes.relayPrepare.path, await tokenOf(page), prepare);
        return answer.body?.reauth === true ? answer.body : undefined;
      },
      'a session past the re-authentication window',
      30_000,
    );

    await page.getByTestId('open-passport').click();
    await page.getByTestId('passport-tab-prizes').click();
    await page.getByTestId(`${HELD}-redeem`).click();
    await page.getByTestId(`${HELD}-redeem-confirm`).click();
    const prompt = page.getByTestId(`${HELD}-reauth`);
    await prompt.waitFor(WAIT);
    await expect(prompt.textContent()).resolves.toContain('Sign in again to confirm');

    // She signs in again inside the card; the redemption goes on without another press.
    const before = await tokenOf(page);
    const form = `${HELD}-reauth-email`;
    await page.getByTestId(`${form}-email`).fill(email);
    const since = Date.now();
    await page.getByTestId(`${form}-submit`).click();
    const mail = await smtp!.next((message) => message.to.includes(email) && message.receivedAt >= since);
    await page.getByTestId(`${form}-code`).fill(/\b(\d{6})\b/.exec(mail.text)?.[1] ?? '');
    await page.getByTestId(`${form}-submit`).click();
    await expect.poll(() => tokenOf(page), WAIT).not.toBe(before);
    await page.getByTestId(`${HELD}-outcome`).waitFor(WAIT);
    await expect(page.getByTestId(`${HELD}-outcome`).textContent()).resolves.toContain('Redeemed');
    const perk = page.locator(`[data-prize="${DAY_PASS}"]`).first();
    await perk.waitFor(WAIT);
    await expect(perk.getAttribute('data-state')).resolves.toBe('ready');
  });
});
