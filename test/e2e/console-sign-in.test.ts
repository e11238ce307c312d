import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MailCatcher, startMailCatcher } from '../../server/mail/catcher.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

/**
 * Brand staff without a wallet in Chromium: an admin listed in STAFF_EMAILS signs in to /console with an email code
 * (mail through a real SMTP server started here), stays signed in across a reload and in a new tab (the refresh
 * cookie), finds a member on the Members page and re-binds their email. axe checks the new screens.
 */

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const STAFF = 'ops.admin@brand.example';
const WAIT = { timeout: 30_000 } as const;

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;
let smtp: MailCatcher | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-console-'));
  smtp = await startMailCatcher();
  server = await spawnLayoverIn(dir, { SMTP_URL: smtp.url, STAFF_EMAILS: `${STAFF}=admin` });
  browser = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  if (server) await interrupt(server.child);
  await smtp?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('console sign-in by email', () => {
  it('signs an admin in by email code, keeps them across reload and tabs, and re-binds a member', {
    timeout: 240_000,
  }, async () => {
    const url = server!.url;
    // A member who lost their device: a guest with nothing lasting yet.
    const guest = await fetch(`${url}${routes.guestSignIn.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Lost Lee' }),
    });
    expect(guest.status).toBe(200);

    // axe is injected as an inline script, which the console's CSP rightly refuses: the test context bypasses it.
    context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${url}${routes.consolePage.path}`);
    await page.getByTestId('console-email').click(WAIT);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('console-email-input').fill(STAFF);
    const mail = smtp!.next((message) => message.to.includes(STAFF));
    await page.getByTestId('console-email-send').click();
    const code = (await mail).text.match(/\b(\d{6})\b/)?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    await page.getByTestId('console-code-input').fill(code);
    await page.getByTestId('console-code-verify').click();
    await page.getByTestId('console-me').filter({ hasText: 'Owner' }).waitFor(WAIT);

    // A reload keeps the tab's token; a new tab has none and comes back through the refresh cookie.
    await page.reload();
    await page.getByTestId('console-me').waitFor(WAIT);
    const tab = await context.newPage();
    await tab.goto(`${url}${routes.consolePage.path}`);
    await tab.getByTestId('console-me').waitFor(WAIT);
    await tab.close();

    await page.getByTestId('console-nav-members').click();
    await page.getByTestId('console-members-q').fill('Lost Lee');
    await page.getByTestId('console-members-search').click();
    await page.getByTestId('console-member-item').first().waitFor(WAIT);
    await page.getByTestId('console-member-rebind').first().click();
    await page.getByTestId('console-rebind-form').waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'console-members-rebind.png') });

    // A reason too short is refused before anything is sent; then the re-bind goes through.
    await page.getByTestId('console-rebind-email').fill('lee.new@example.com');
    await page.getByTestId('console-rebind-reason').fill('x');
    await page.getByTestId('console-rebind-submit').click();
    await page
      .getByTestId('console-rebind-error')
      .filter({ hasText: /3 to 500/ })
      .waitFor(WAIT);
    await page.getByTestId('console-rebind-reason').fill('Ticket 77: receipt and birthday checked');
    await page.getByTestId('console-rebind-submit').click();
    await page.getByTestId('console-rebind-form').waitFor({ state: 'detached', ...WAIT });
    await expect(page.getByTestId('console-members-status').textContent()).resolves.toContain(
      'l•••@example.com',
    );
    await expect(page.getByTestId('console-member-item').first().textContent()).resolves.toContain(
      'l•••@example.com',
    );

    // Signing out ends the browser session: a new tab is not signed back in.
    await page.getByTestId('console-sign-out').click();
    await page.getByTestId('console-email').waitFor(WAIT);
    const after = await context.newPage();
    await after.goto(`${url}${routes.consolePage.path}`);
    // Enabled once the restore attempt is over.
    await after.locator('[data-testid="console-email"]:enabled').waitFor(WAIT);
    expect(await after.getByTestId('console-me').count()).toBe(0);
  });
});
