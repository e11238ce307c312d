import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MailCatcher, startMailCatcher } from '../../server/mail/catcher.ts';
import type { SessionResponse } from '../../shared/protocol/http.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { devPartnerSecret, partnerFetch } from '../support/partner.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

/**
 * The console's Points page in Chromium: an admin (STAFF_EMAILS, email code through a real SMTP server) opens Points,
 * reads the liability, adds a partner and sees its key once (copy, "you will not see it again"), rotates it, opens
 * a partner's activity log (a credited flight by display name, an unmatched one without the email), adjusts a
 * member, and watches the liability move; axe checks each screen; screenshots go to /tmp/console-points-*.png.
 */

const STAFF = 'points.admin@brand.example';
const WAIT = { timeout: 30_000 } as const;

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;
let smtp: MailCatcher | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-console-points-'));
  smtp = await startMailCatcher();
  server = await spawnLayoverIn(dir, { SMTP_URL: smtp.url, STAFF_EMAILS: `${STAFF}=admin` });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  if (server) await interrupt(server.child);
  await smtp?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The liability the page shows, as a number. */
const liabilityOf = async (page: Page) =>
  Number(await page.getByTestId('console-points-liability').getAttribute('data-value'));

async function signIn(page: Page, url: string) {
  await page.goto(`${url}${routes.consolePage.path}`);
  await page.getByTestId('console-email').click(WAIT);
  await page.getByTestId('console-email-input').fill(STAFF);
  const mail = smtp!.next((message) => message.to.includes(STAFF));
  await page.getByTestId('console-email-send').click();
  const code = (await mail).text.match(/\b(\d{6})\b/)?.[1] ?? '';
  await page.getByTestId('console-code-input').fill(code);
  await page.getByTestId('console-code-verify').click();
  await page.getByTestId('console-me').filter({ hasText: 'Owner' }).waitFor(WAIT);
}

describe('console points page', () => {
  it('shows the liability, adds a partner with its key shown once, logs activities and adjusts a member', {
    timeout: 240_000,
  }, async () => {
    const url = server!.url;
    // A member with a member number, and a partner flight credited to them; another flight for nobody known yet.
    const guest = await fetch(`${url}${routes.guestSignIn.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Pat Points' }),
    });
    const pat = (await guest.json()) as SessionResponse;
    const mine = await fetch(`${url}${routes.pointsSummary.path}`, {
      headers: { authorization: `Bearer ${pat.token}` },
    });
    const { memberNumber } = (await mine.json()) as { memberNumber: string };
    const flight = (member: Record<string, string>, description: string) =>
      partnerFetch(url, {
        partnerId: 'skyway-air',
        secret: devPartnerSecret('skyway-air'),
        path: routes.partnerActivities.path,
        idempotencyKey: randomUUID(),
        body: { type: 'flight', member, units: 800, occurredAt: new Date().toISOString(), description },
      });
    expect((await flight({ memberNumber }, 'TPE to SGN')).status).toBe(201);
    expect((await flight({ email: 'not.yet@example.com' }, 'SGN to TPE')).status).toBe(202);

    context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    const page = await context.newPage();
    await signIn(page, url);

    await page.getByTestId('console-nav-points').click();
    await page.getByTestId('console-points-liability').waitFor(WAIT);
    const before = await liabilityOf(page);
    expect(before).toBeGreaterThanOrEqual(800);
    await page.getByTestId('console-points-by-partner').filter({ hasText: 'Skyway Air' }).waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);

    // Add a partner: the key shows once, in a dialog, with the warning; copying puts it on the clipboard.
    await page.getByTestId('console-partner-add').click();
    await page.getByTestId('console-partner-form').waitFor(WAIT);
    expect(await axeViolations(page, '[data-testid="console-partner-form"]')).toEqual([]);
    await page.getByTestId('console-partner-id').fill('Orbit Rail');
    await page.getByTestId('console-partner-name').fill('Orbit Rail');
    await page.getByTestId('console-partner-submit').click();
    await page
      .getByTestId('console-partner-error')
      .filter({ hasText: /lower-case/ })
      .waitFor(WAIT);
    await page.getByTestId('console-partner-id').fill('orbit-rail');
    await page.getByTestId('console-partner-limit').fill('250');
    await page.getByTestId('console-partner-submit').click();
    const dialog = page.getByTestId('console-partner-secret-dialog');
    await dialog.waitFor(WAIT);
    await expect(page.getByTestId('console-partner-secret-warning').textContent()).resolves.toContain(
      'You will not see it again',
    );
    const secret = await page.getByTestId('console-partner-secret').inputValue();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await page.getByTestId('console-partner-copy').click();
    await dialog.getByText('Copied.').waitFor(WAIT);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/console-points-secret.png' });
    // Escape closes a modal dialog; the key is gone from the page and the partner is listed without it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', ...WAIT });
    await page.locator('[data-partner="orbit-rail"]').waitFor(WAIT);
    expect(await page.content()).not.toContain(secret);

    // Rotating asks first, then shows the new key once.
    page.once('dialog', (confirm) => void confirm.accept());
    await page.locator('[data-partner="orbit-rail"]').getByTestId('console-partner-rotate').click();
    await dialog.waitFor(WAIT);
    const rotated = await page.getByTestId('console-partner-secret').inputValue();
    expect(rotated).not.toBe(secret);
    await page.getByTestId('console-partner-secret-close').click();
    await dialog.waitFor({ state: 'detached', ...WAIT });

    // Skyway Air's log: the credited flight by display name, the other waiting, no email anywhere.
    await page.locator('[data-partner="skyway-air"]').getByTestId('console-partner-activity').click();
    const log = page.getByTestId('console-activity-log');
    await log.getByTestId('console-activity-item').filter({ hasText: 'Pat Points' }).waitFor(WAIT);
    await log.getByTestId('console-activity-item').filter({ hasText: 'Not matched yet' }).waitFor(WAIT);
    expect(await log.textContent()).not.toContain('@example.com');
    expect(await axeViolations(page, '[data-testid="console-activity-log"]')).toEqual([]);

    // Adjust the member: a debit below zero is refused; a credit moves the liability.
    await page.getByTestId('console-adjust-member').fill(pat.member.id);
    await page.getByTestId('console-adjust-amount').fill('-5000');
    await page.getByTestId('console-adjust-note').fill('Correction');
    await page.getByTestId('console-adjust-submit').click();
    await page
      .getByTestId('console-adjust-error')
      .filter({ hasText: /below 0/ })
      .waitFor(WAIT);
    await page.getByTestId('console-adjust-amount').fill('1234');
    await page.getByTestId('console-adjust-note').fill('Sorry about the lost flight credit (ticket 88)');
    await page.getByTestId('console-adjust-submit').click();
    await page.getByTestId('console-adjust-status').filter({ hasText: '+1,234' }).waitFor(WAIT);
    await page
      .locator(`[data-testid="console-points-liability"][data-value="${before + 1234}"]`)
      .waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/console-points-page.png', fullPage: true });

    // The page in another language: the same figures, its own words.
    await page.getByTestId('console-language').selectOption('zh-Hant');
    await page.getByRole('heading', { name: '點數', level: 2, exact: true }).waitFor(WAIT);
    await page.getByTestId('console-adjust-status').filter({ hasText: '完成：+1,234' }).waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/console-points-zh-Hant.png', fullPage: true });
  });
});
