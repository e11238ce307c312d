import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { eventStartedNow, scheduleAsPageHost } from '../support/event-bots.ts';
import {
  enterAsGuest,
  type LayoverWindow,
  openHudSettings,
  pressOn,
  settledScreenshot,
  shown,
  WAIT,
  walkTo,
} from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

// Issue 21's phone defects: the arcade menu clear of the top bar and its "Leave lounge" at 390x844 and 360x640, and
// one way out of the event hall (its own "Leave hall", no "Leave lounge" beside it).

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
/** Inside the arcade zone (16, 10.5, radius 3.5), in front of the cabinets on the east wall. */
const AT_ARCADE = { x: 16, z: 10.5 } as const;
const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 640 },
] as const;

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-phone-'));
  server = await spawnLayoverIn(dir);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where the arcade menu, the top bar and the Leave button lie once the bar's measure has reached the HUD. */
async function arcadeLayout(page: Page): Promise<{ menu: Box; bar: Box; leave: Box | null; view: Box }> {
  const settled = await page.waitForFunction(
    () => {
      const box = (element: Element | null) => {
        if (!element || element.getClientRects().length === 0) return null;
        const { left, top, right, bottom } = element.getBoundingClientRect();
        return { left, top, right, bottom };
      };
      const bar = box(document.querySelector('.hud-top'));
      const menu = box(document.querySelector('[data-testid="arcade-menu"]'));
      const hud = document.querySelector<HTMLElement>('.hud');
      const measured = Number.parseFloat(hud?.style.getPropertyValue('--hud-top') ?? '');
      // The bar wraps as the window narrows: wait until the HUD has its new bottom edge.
      if (!bar || !menu || Math.abs(measured - (Math.round(bar.bottom) + 8)) > 1) return false;
      const view = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
      return { menu, bar, leave: box(document.querySelector('[data-testid="hud-leave"]')), view };
    },
    null,
    { polling: 250, timeout: WAIT.timeout },
  );
  return (await settled.jsonValue()) as { menu: Box; bar: Box; leave: Box | null; view: Box };
}

/** The labels of every shown button that leaves somewhere. */
const visibleLeaves = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('button'))
      .filter(
        (button) => button.getClientRects().length > 0 && getComputedStyle(button).visibility !== 'hidden',
      )
      .map((button) => button.textContent?.trim() ?? '')
      .filter((label) => /^Leave/.test(label)),
  );

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('issue 21 on a phone in Chromium', () => {
  it('opens the arcade menu below the top bar and inside the screen at 390x844 and 360x640', {
    timeout: 300_000,
  }, async () => {
    const page = await browser!.newPage({ viewport: PHONES[0], hasTouch: true, isMobile: true });
    await enterAsGuest(page, server!.url, 'Kiet');
    await walkTo(page, AT_ARCADE);
    // The settings (with "Leave lounge") open inside the top bar: the menu must clear them too.
    await openHudSettings(page);
    await pressOn(page, 'arcade-open');
    await shown(page, 'arcade-menu');
    await mkdir(ARTIFACTS, { recursive: true });
    for (const size of PHONES) {
      await page.setViewportSize(size);
      const { menu, bar, leave, view } = await arcadeLayout(page);
      const where = JSON.stringify({ size, menu, bar, leave });
      expect(leave, where).not.toBeNull();
      expect(overlaps(menu, bar), where).toBe(false);
      expect(overlaps(menu, leave!), where).toBe(false);
      expect(menu.left, where).toBeGreaterThanOrEqual(view.left);
      expect(menu.right, where).toBeLessThanOrEqual(view.right);
      expect(menu.bottom, where).toBeLessThanOrEqual(view.bottom);
      await settledScreenshot(page, ARTIFACTS, `arcade-menu-${size.width}x${size.height}.png`);
    }
    // Its last game stays reachable on the small screen: the list scrolls inside the menu, which stays put.
    const reachable = await page.evaluate(() => {
      const menu = document.querySelector<HTMLElement>('[data-testid="arcade-menu"]');
      const last = document.querySelector<HTMLElement>('[data-testid="game-open-bags"]');
      if (!menu || !last) return null;
      const before = menu.getBoundingClientRect().top;
      last.scrollIntoView({ block: 'nearest' });
      const box = menu.getBoundingClientRect();
      const button = last.getBoundingClientRect();
      return {
        scrolls: menu.scrollHeight > menu.clientHeight,
        stayed: box.top === before,
        inside: button.top >= box.top && button.bottom <= box.bottom,
      };
    });
    expect(reachable).toEqual({ scrolls: true, stayed: true, inside: true });
    await page.close();
  });

  it('offers one way out of the event hall', { timeout: 300_000 }, async () => {
    const page = await browser!.newPage({ viewport: PHONES[0], hasTouch: true, isMobile: true });
    await page.goto(server!.url);
    const eventId = await scheduleAsPageHost(page, eventStartedNow('One Door', 'A show with one way out.'));
    // The test wallet left its refresh cookie: the reload enters the lounge.
    await page.reload();
    await page.waitForFunction(
      () => Boolean((window as unknown as LayoverWindow).__layover?.self?.()),
      null,
      {
        timeout: 90_000,
      },
    );
    // In the lounge the settings hold "Leave lounge".
    await openHudSettings(page);
    await shown(page, 'hud-leave', { text: 'Leave lounge' });
    await shown(page, `event-enter-${eventId}`, { timeout: 90_000 });
    await pressOn(page, `event-enter-${eventId}`);
    await page.waitForFunction(
      () => (window as unknown as LayoverWindow).__layover.room()?.startsWith('event') ?? false,
      null,
      { polling: 250, timeout: WAIT.timeout },
    );
    await shown(page, 'event-title', { text: 'One Door' });
    // The hall opens on its show; the settings, in the top bar, hold the one way out.
    expect((await visibleLeaves(page)).length).toBeLessThanOrEqual(1);
    await openHudSettings(page);
    await shown(page, 'event-leave', { text: 'Leave hall' });
    expect(await visibleLeaves(page)).toEqual(['Leave hall']);
    await settledScreenshot(page, ARTIFACTS, 'hall-one-leave.png');
    // A wide screen shows the settings and the show together: still one way out.
    await page.setViewportSize({ width: 1280, height: 800 });
    await shown(page, 'event-title', { text: 'One Door' });
    expect(await visibleLeaves(page)).toEqual(['Leave hall']);
    // The one way out goes back to the lounge.
    await pressOn(page, 'event-leave');
    await page.waitForFunction(
      () => (window as unknown as LayoverWindow).__layover.room() === 'lounge',
      null,
      { polling: 250, timeout: WAIT.timeout },
    );
    await page.close();
  });
});
