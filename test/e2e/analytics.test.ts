import { readFile } from 'node:fs/promises';
import { Client } from '@colyseus/sdk';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../shared/protocol/http.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { axeViolations } from '../support/axe.ts';
import { WAIT } from '../support/lounge-page.ts';
import { type StaffConsole, startStaffConsole } from '../support/staff-console.ts';

/**
 * The Analytics page in Chromium: a guest joins the lounge (one new guest, one active member today); an analyst
 * (STAFF_EMAILS, email code through a real SMTP server) opens Analytics, sees the members and activity tables with
 * them, switches to a custom period the page refuses before sending, downloads a table as CSV (BOM, header), and axe
 * finds nothing at desktop and phone sizes; screenshots go to /tmp/analytics-*.png.
 */

const ANALYST = 'analytics.analyst@brand.example';

let staff: StaffConsole | undefined;

beforeAll(async () => {
  staff = await startStaffConsole(ANALYST, 'analyst');
}, 300_000);

afterAll(async () => {
  await staff?.stop();
});

const signIn = (page: Page) => staff!.signIn(page, 'console-nav-analytics');
const open = (viewport: { width: number; height: number }) =>
  staff!.open({ viewport, acceptDownloads: true });

describe('analytics page', () => {
  it('shows the program’s tables, refuses a bad period, exports CSV, passes axe', {
    timeout: 300_000,
  }, async () => {
    const url = staff!.server.url;
    const guest = await fetch(`${url}${routes.guestSignIn.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ana Lytic' }),
    });
    const { token } = (await guest.json()) as SessionResponse;
    const room = await new Client(url).joinOrCreate('lounge', { token });
    room.onMessage('*', () => undefined);

    const page = await open({ width: 1280, height: 900 });
    await signIn(page);
    await page.getByTestId('console-nav-analytics').click();
    await page.getByTestId('analytics-members-total').waitFor(WAIT);
    // The guest and the analyst are members; the guest is new and active today.
    expect(Number(await page.getByTestId('analytics-members-total').textContent())).toBeGreaterThanOrEqual(2);
    await page.getByTestId('analytics-activity').locator('tbody tr').first().waitFor(WAIT);
    await page.getByTestId('analytics-newMembers').locator('tbody tr').first().waitFor(WAIT);
    expect(await page.getByTestId('analytics-newMembers').locator('thead th').allTextContents()).toEqual([
      'Day',
      'Guest',
      'Email',
      'Passkey',
      'Brand login',
      'Wallet',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/analytics-desktop.png', fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByTestId('analytics-csv-newMembers').click();
    const file = await (await download).path();
    const csv = await readFile(file, 'utf8');
    expect(csv.startsWith('\uFEFFday,guest,email,passkey,oidc,wallet\r\n')).toBe(true);

    // A custom period that ends before it starts is refused on the page; the last good period stays shown.
    await page.getByTestId('analytics-period').selectOption('custom');
    await page.getByTestId('analytics-from').fill('2026-03-10');
    await page.getByTestId('analytics-to').fill('2026-03-01');
    await page.getByRole('alert').filter({ hasText: 'at most 366 days' }).waitFor(WAIT);
    expect(await page.getByTestId('analytics-apply').isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // The same page at a phone's size: the period set back to 30 days, tables scroll sideways in focusable regions.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('analytics-period').selectOption('30');
    await page.getByTestId('analytics-members-total').waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/analytics-phone.png', fullPage: true });
    await room.leave();
  });
});
