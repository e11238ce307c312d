import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devPartnerSecret } from '../../server/partners/registry.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { enterAsGuest, OVERLOOK, settledScreenshot, WAIT, walkTo } from '../support/lounge-page.ts';
import { partnerFetch } from '../support/partner.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const DOCS = join(import.meta.dirname, '../../docs');
/** Screenshots the helper looks at after a run (the brief asks for /tmp/points-*.png). */
const SHOTS = '/tmp';
const COFFEE = 'harbor-coffee-drink';
const PHONE = { width: 390, height: 844 } as const;

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-points-'));
  server = await spawnLayoverIn(dir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

/** Harbor Coffee reports a purchase for the member number, signed with its dev secret; the HTTP status. */
async function coffeeBought(memberNumber: string, cents: number, key: string): Promise<number> {
  const response = await partnerFetch(server!.url, {
    partnerId: 'harbor-coffee',
    secret: devPartnerSecret('harbor-coffee'),
    method: 'POST',
    path: '/api/partners/v1/activities',
    idempotencyKey: key,
    body: {
      type: 'purchase',
      member: { memberNumber },
      units: cents,
      occurredAt: new Date().toISOString(),
      description: 'Flat white and a croissant, Pier 3',
    },
  });
  return response.status;
}

/** The passport's tab, once its panel shows it. */
async function openTab(page: Page, tab: 'points' | 'rewards'): Promise<void> {
  await page.getByTestId(`passport-tab-${tab}`).click();
  await page.locator(`[role="tabpanel"][aria-labelledby$="-${tab}"]`).waitFor(WAIT);
}

/** axe's findings in the open passport once no CSS transition runs (a tab mid-fade reads as low contrast). */
async function passportViolations(page: Page): Promise<string[]> {
  await page.waitForFunction(
    () => document.getAnimations().every((animation) => !(animation instanceof CSSTransition)),
    null,
    WAIT,
  );
  return axeViolations(page, '[data-testid="passport"]');
}

/** Presses Tab until the element with `testId` has the focus (at most 20 times); whether it got there. */
async function tabTo(page: Page, testId: string): Promise<boolean> {
  for (let step = 0; step < 20; step++) {
    await page.keyboard.press('Tab');
    const there = await page.evaluate(
      (id) => document.activeElement?.getAttribute('data-testid') === id,
      testId,
    );
    if (there) return true;
  }
  return false;
}

/** Every button of the open passport that is smaller than a 44 px touch target, named. */
function smallButtons(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="passport"] button')].flatMap((button) => {
      const box = button.getBoundingClientRect();
      return box.width > 0 && (box.height < 44 || box.width < 44)
        ? [`${button.textContent || button.getAttribute('aria-label')} ${box.width}x${box.height}`]
        : [];
    }),
  );
}

describe('points in Chromium', () => {
  it('a partner activity raises the passport balance live; the member buys a coffee and reads the history', {
    timeout: 420_000,
  }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await enterAsGuest(page, server!.url, 'Points Traveller');
    await walkTo(page, OVERLOOK);
    await page.getByTestId('open-passport').click();

    // The member number for partner desks, with where to give it.
    const numberCell = page.getByTestId('points-member-number');
    await numberCell.waitFor(WAIT);
    const memberNumber = (await numberCell.textContent())?.trim() ?? '';
    expect(memberNumber).toMatch(/^LO\d{10}$/);
    await expect(page.getByTestId('points-card').textContent()).resolves.toContain(
      'Give this number at Skyway Air, Harbor Coffee, or Lumen Hotels',
    );
    const balance = page.getByTestId('passport-points');
    const before = (await balance.textContent()) ?? '';

    // $35 at Harbor Coffee (10 points a dollar): 350 points, shown without a reload.
    expect(await coffeeBought(memberNumber, 3500, `e2e-coffee-${memberNumber}`)).toBeLessThan(300);
    await expect.poll(() => balance.textContent(), WAIT).not.toBe(before);
    const earned = Number((await balance.textContent())?.replace(/\D/g, ''));
    expect(earned).toBeGreaterThanOrEqual(350);

    await openTab(page, 'points');
    const history = page.getByTestId('points-history');
    await history.getByText('Harbor Coffee: Flat white and a croissant, Pier 3').waitFor(WAIT);
    await expect(history.textContent()).resolves.toContain('+350');
    expect(await passportViolations(page)).toEqual([]);
    await settledScreenshot(page, SHOTS, 'points-history.png');

    // Keyboard only: arrows move between the tabs, Tab reaches Buy, Enter buys after a confirm step naming the
    // cost and the balance after; then a code to copy.
    await page.getByTestId('passport-tab-points').focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('[role="tabpanel"][aria-labelledby$="-rewards"]').waitFor(WAIT);
    const card = page.getByTestId(`catalogue-${COFFEE}`);
    await card.waitFor(WAIT);
    expect(await tabTo(page, `buy-${COFFEE}`)).toBe(true);
    await page.keyboard.press('Enter');
    const confirm = page.getByTestId(`buy-confirm-${COFFEE}`);
    await confirm.waitFor(WAIT);
    await expect(card.textContent()).resolves.toContain(`Your balance after: ${earned - 300} points`);
    expect(await confirm.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await passportViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    const code = page.locator(`[data-testid="buy-result-${COFFEE}"] [data-testid^="purchase-code-"]`).first();
    await code.waitFor(WAIT);
    expect((await code.textContent())?.trim()).toMatch(/^[0-9A-Z]{12}$/);
    await expect
      .poll(async () => Number((await balance.textContent())?.replace(/\D/g, '')), WAIT)
      .toBe(earned - 300);
    await page.getByTestId(`purchase-${COFFEE}`).first().waitFor(WAIT);
    expect(await passportViolations(page)).toEqual([]);
    await settledScreenshot(page, SHOTS, 'points-rewards.png');
    await mkdir(DOCS, { recursive: true });
    await copyFile(join(SHOTS, 'points-rewards.png'), join(DOCS, 'points-rewards.png'));

    // The history lists both, with translated reasons and signed amounts.
    await openTab(page, 'points');
    await history.getByText('Spent on').waitFor(WAIT);
    const lines = await history.locator('li').allTextContents();
    expect(lines.some((line) => line.includes('Spent on') && line.includes('-300'))).toBe(true);
    expect(lines.some((line) => line.startsWith('Harbor Coffee: Flat white'))).toBe(true);

    // A phone: the passport is a sheet that scrolls to its end; every button is a 44 px target; axe agrees.
    await page.setViewportSize(PHONE);
    await openTab(page, 'rewards');
    await page.getByTestId(`catalogue-${COFFEE}`).waitFor(WAIT);
    expect(await smallButtons(page)).toEqual([]);
    const body = page.locator('[data-testid="passport"] .quest-panel-body');
    const scroll = await body.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
      return { scrolls: element.scrollHeight > element.clientHeight, top: element.scrollTop };
    });
    expect(scroll.scrolls).toBe(true);
    expect(scroll.top).toBeGreaterThan(0);
    await page.getByTestId('my-rewards').scrollIntoViewIfNeeded();
    expect(await passportViolations(page)).toEqual([]);
    await settledScreenshot(page, SHOTS, 'points-phone-rewards.png');
    await openTab(page, 'points');
    expect(await smallButtons(page)).toEqual([]);
    expect(await passportViolations(page)).toEqual([]);
    await settledScreenshot(page, SHOTS, 'points-phone-history.png');

    // The same member in Traditional Chinese: tabs, reasons and the notice read in zh-Hant.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByLabel('Language').selectOption('zh-Hant');
    await page.getByTestId('passport-tab-points').getByText('點數').waitFor(WAIT);
    await history.getByText('兌換').first().waitFor(WAIT);
    await expect(page.getByTestId('points-card').textContent()).resolves.toContain('會員號碼');
    await openTab(page, 'rewards');
    await page.getByTestId('my-rewards').waitFor(WAIT);
    await expect(page.getByTestId('passport').textContent()).resolves.toContain('我的獎勵');
    expect(await passportViolations(page)).toEqual([]);
    await settledScreenshot(page, SHOTS, 'points-zh-Hant.png');
    await mkdir(ARTIFACTS, { recursive: true });
    await copyFile(join(SHOTS, 'points-zh-Hant.png'), join(ARTIFACTS, 'points-zh-Hant.png'));
    await page.close();
  });
});
