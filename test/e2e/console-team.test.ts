import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { WAIT } from '../support/lounge-page.ts';
import { type StaffConsole, startStaffConsole } from '../support/staff-console.ts';

/**
 * The Team page in Chromium: an owner (STAFF_EMAILS, email code through a real SMTP server) grants an email the
 * analyst role, sees it listed masked with their own name as granter, finds the grant in the audit log, revokes it,
 * and axe finds nothing at desktop and phone sizes; screenshots go to /tmp/team-*.png.
 */

const OWNER = 'team.owner@brand.example';

let staff: StaffConsole | undefined;

beforeAll(async () => {
  staff = await startStaffConsole(OWNER, 'owner');
}, 300_000);

afterAll(async () => {
  await staff?.stop();
});

const signIn = (page: Page) => staff!.signIn(page, 'console-nav-team');

describe('team page', () => {
  it('grants and revokes a role, shows the audit log, passes axe', { timeout: 300_000 }, async () => {
    const page = await staff!.open({ viewport: { width: 1280, height: 900 } });
    await signIn(page);
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
