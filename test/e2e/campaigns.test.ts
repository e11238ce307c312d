import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { enterAsGuest, type LayoverWindow, shown, WAIT } from '../support/lounge-page.ts';
import { type StaffConsole, startStaffConsole } from '../support/staff-console.ts';

/**
 * Campaigns in Chromium: a member visits the lounge as a guest; a content operator (STAFF_EMAILS, email code through
 * a real SMTP server) opens Campaigns, narrows the segment to guests (size 1), sends an announcement after the
 * confirm; the member's next visit (a reload) shows it, dismissing it marks it seen and the visit after shows
 * nothing. axe on the page at desktop and phone sizes; screenshots go to /tmp/campaigns-*.png.
 */

const STAFF = 'campaigns.content@brand.example';

let staff: StaffConsole | undefined;

beforeAll(async () => {
  staff = await startStaffConsole(STAFF, 'content');
}, 300_000);

afterAll(async () => {
  await staff?.stop();
});

const signIn = (page: Page) => staff!.signIn(page, 'console-nav-campaigns');
const open = (viewport: { width: number; height: number }) => staff!.open({ viewport });

const sizeOf = async (page: Page) => page.getByTestId('campaigns-size').getAttribute('data-size');

describe('campaigns', () => {
  it('sends an announcement a member sees once at their next visit', { timeout: 300_000 }, async () => {
    const url = staff!.server.url;
    const member = await open({ width: 1280, height: 800 });
    await enterAsGuest(member, url, 'Nora Notice');

    const console = await open({ width: 1280, height: 900 });
    await signIn(console);
    await console.getByTestId('console-nav-campaigns').click();
    await console.getByTestId('campaigns-kinds-guest').click(WAIT);
    await console.waitForFunction(
      () => document.querySelector('[data-testid="campaigns-size"]')?.getAttribute('data-size') === '1',
      null,
      WAIT,
    );
    expect(await sizeOf(console)).toBe('1');
    expect(await axeViolations(console)).toEqual([]);
    await console.screenshot({ path: '/tmp/campaigns-desktop.png', fullPage: true });

    await console.getByTestId('campaigns-kind-announcement').check();
    await console.getByTestId('campaigns-title-en').fill('Rooftop opens tonight');
    await console.getByTestId('campaigns-body-en').fill('Come up to the rooftop bar from 8 pm.');
    await console.getByTestId('campaigns-review').click();
    await console.getByTestId('campaigns-confirm').filter({ hasText: '1 member' }).waitFor(WAIT);
    expect(await axeViolations(console, '[data-testid="campaigns-send"]')).toEqual([]);
    await console.getByTestId('campaigns-confirm-send').click();
    await console.getByTestId('campaigns-sent').filter({ hasText: 'Sent to 1 member' }).waitFor(WAIT);
    await console.getByTestId('campaigns-list').filter({ hasText: 'Rooftop opens tonight' }).waitFor(WAIT);

    await console.setViewportSize({ width: 390, height: 844 });
    expect(await axeViolations(console)).toEqual([]);
    await console.screenshot({ path: '/tmp/campaigns-phone.png', fullPage: true });

    // The member's next visit: the notice shows; dismissed, it is gone for good.
    const seated = () => Boolean((window as unknown as LayoverWindow).__layover?.self?.());
    await member.reload();
    await member.waitForFunction(seated, null, { timeout: 90_000 });
    await shown(member, 'member-notices', { timeout: 30_000 });
    const card = member.getByTestId('member-notices');
    expect(await card.textContent()).toContain('Rooftop opens tonight');
    expect(await axeViolations(member, '[data-testid="member-notices"]')).toEqual([]);
    await member.screenshot({ path: '/tmp/campaigns-notice.png' });
    await card.getByRole('button', { name: /Got it/ }).click();
    await shown(member, 'member-notices', { gone: true, timeout: 10_000 });
    await member.reload();
    await member.waitForFunction(seated, null, { timeout: 90_000 });
    // The notices request of this visit has answered once the store says whose notices it holds.
    await member.waitForFunction(
      () => {
        const hooks = (window as unknown as { __layover: { getState: () => { noticesFor: string | null } } })
          .__layover;
        return Boolean(hooks.getState().noticesFor);
      },
      null,
      { timeout: 30_000 },
    );
    expect(await member.getByTestId('member-notices').count()).toBe(0);
  });
});
