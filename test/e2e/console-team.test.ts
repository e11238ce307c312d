import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MailCatcher, startMailCatcher } from '../../server/mail/catcher.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { WAIT } from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

/**
 * The Team page in Chromium: an owner (STAFF_EMAILS, email code through a real SMTP server) grants an email the
 * analyst role, sees it listed masked with their own name as granter, finds the grant in the audit log, revokes it,
 * and axe finds nothing at desktop and phone sizes; screenshots go to /tmp/team-*.png.
 */

const OWNER = 'team.owner@brand.example';

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;
let smtp: MailCatcher | undefined;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-team-'));
  smtp = await startMailCatcher();
  server = await spawnLayoverIn(dir, { SMTP_URL: smtp.url, STAFF_EMAILS: `${OWNER}=owner` });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  if (server) await interrupt(server.child);
  await smtp?.close();
  await rm(dir, { recursive: true, force: true });
});

async function signIn(page: Page, url: string) {
  await page.goto(`${url}${routes.consolePage.path}`);
  await page.getByTestId('console-email').click(WAIT);
  await page.getByTestId('console-email-input').fill(OWNER);
  const mail = smtp!.next((message) => message.to.includes(OWNER));
  await page.getByTestId('console-email-send').click();
  const code = (await mail).text.match(/\b(\d{6})\b/)?.[1] ?? '';
  await page.getByTestId('console-code-input').fill(code);
  await page.getByTestId('console-code-verify').click();
  await page.getByTestId('console-nav-team').waitFor(WAIT);
}

describe('team page', () => {
  it('grants and revokes a role, shows the audit log, passes axe', { timeout: 300_000 }, async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, server!.url);
    await page.getByTestId('console-nav-team').click();
    await page.getByTestId('team-members').waitFor(WAIT);

    await page.getByTestId('team-grant-value').fill('New.Analyst@brand.example');
    await page.getByLabel('Role', { exact: true }).selectOption('analyst');
    await page.getByTestId('team-grant-submit').click();
    await page.getByTestId('team-status').filter({ hasText: 'Role granted.' }).waitFor(WAIT);
    const row = page.getByTestId('team-members').locator('tr', { hasText: 'n•••@brand.example' });
    await row.filter({ hasText: 'Analyst' }).waitFor(WAIT);
    expect(await page.content()).not.toContain('new.analyst@');
    await page.getByTestId('team-audit').locator('tr', { hasText: 'team.grant' }).first().waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/team-desktop.png', fullPage: true });

    await row.getByRole('button', { name: /Revoke Analyst/ }).click();
    await page.getByTestId('team-status').filter({ hasText: 'Role revoked.' }).waitFor(WAIT);
    await page.getByTestId('team-audit').locator('tr', { hasText: 'team.revoke' }).first().waitFor(WAIT);
    expect(
      await page.getByTestId('team-members').locator('tr', { hasText: 'n•••@brand.example' }).count(),
    ).toBe(0);

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/team-phone.png', fullPage: true });
  });
});
