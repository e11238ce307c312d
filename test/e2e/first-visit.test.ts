import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loungeLayout } from '../../shared/content/lounge-layout.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import {
  AT_BOARD,
  enterAsGuest,
  type LayoverWindow,
  posesOf,
  pressOn,
  settledScreenshot,
  shown,
  WAIT,
  walkTo,
} from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

// Issue 21, a first visit: spawn facing the departures board, the guided arrival (keyboard only, remembered), the map
// with its destinations, the board's readable panel (E at the board), boarding feedback; at three screen sizes.

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const DOCS = join(import.meta.dirname, '../../docs');
const BOARD = loungeLayout.boxes.find((box) => box.kind === 'board')!;
const POLL = { polling: 250, timeout: WAIT.timeout } as const;

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-first-visit-'));
  server = await spawnLayoverIn(dir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

const tourStep = (page: Page) =>
  page.evaluate(
    () => document.querySelector('[data-testid="arrival-tour"]')?.getAttribute('data-step') ?? null,
  );
const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** The newcomer's own pose faces the board: its heading points at the board's centre. */
async function expectFacingBoard(page: Page): Promise<void> {
  const self = await page.evaluate(() => (window as unknown as LayoverWindow).__layover.self());
  const pose = (await posesOf(page)).find((candidate) => candidate.sessionId === self) as
    | { x: number; z: number; heading: number }
    | undefined;
  expect(pose).toBeDefined();
  const toBoard = Math.atan2(BOARD.x - pose!.x, BOARD.z - pose!.z);
  expect(Math.cos(pose!.heading - toBoard)).toBeGreaterThan(0.999);
}

/** Reloads; the session comes back by itself and seats us again. */
async function reloadSeated(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => Boolean((window as unknown as LayoverWindow).__layover?.self?.()), null, {
    ...POLL,
    timeout: 90_000,
  });
  await shown(page, 'member-count');
}

/** E at the board opens its panel (flights, events, journeys); Escape closes it and focus goes back to the button. */
async function readBoard(page: Page): Promise<void> {
  await walkTo(page, AT_BOARD);
  await shown(page, 'interact-departures-board');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('e');
  await shown(page, 'board-panel');
  await expect.poll(() => page.locator('[data-testid="board-flights"] tbody tr').count(), WAIT).toBe(5);
  await shown(page, 'board-quest-first-visit');
  expect(await axeViolations(page, '[data-testid="board-panel"]')).toEqual([]);
  await page.keyboard.press('Escape');
  await shown(page, 'board-panel', { gone: true });
  await pressOn(page, 'interact-departures-board');
  await shown(page, 'board-panel');
  await page.keyboard.press('Escape');
  await shown(page, 'board-panel', { gone: true });
  expect(await focusedTestId(page)).toBe('interact-departures-board');
}

describe('a first visit in Chromium', () => {
  it('faces the board, tours by keyboard, remembers it, maps the lounge and reads the board (1280x800)', {
    timeout: 400_000,
  }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await enterAsGuest(page, server!.url, 'Newcomer', { tour: true });
    await expectFacingBoard(page);
    await shown(page, 'boarding', { gone: true, timeout: 90_000 });
    await shown(page, 'arrival-tour');
    await shown(page, 'minimap-plan');
    expect(await page.locator('[data-testid^="minimap-go-"]').count()).toBe(loungeLayout.zones.length);
    expect(await page.locator('[data-zone="departures-board"][data-highlight="true"]').count()).toBe(1);
    expect(await axeViolations(page, '[data-testid="arrival-tour"]')).toEqual([]);
    expect(await axeViolations(page, '[data-testid="minimap"]')).toEqual([]);
    await mkdir(ARTIFACTS, { recursive: true });
    await settledScreenshot(page, ARTIFACTS, 'first-visit.png');
    await mkdir(DOCS, { recursive: true });
    await copyFile(join(ARTIFACTS, 'first-visit.png'), join(DOCS, 'first-visit.png'));

    // Keyboard only: Next takes focus to the next step's heading; Tab reaches Next again; the last step finishes.
    expect(await tourStep(page)).toBe('0');
    await pressOn(page, 'arrival-next');
    for (const step of ['1', '2', '3']) {
      await expect.poll(() => tourStep(page), WAIT).toBe(step);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
      await page.keyboard.press('Tab');
      expect(await focusedTestId(page)).toBe('arrival-next');
      await page.keyboard.press('Enter');
    }
    await shown(page, 'arrival-tour', { gone: true });

    await reloadSeated(page);
    await shown(page, 'minimap-plan');
    expect(await page.locator('[data-testid="arrival-tour"]').count()).toBe(0);
    // Help's Tour opens it again, with focus on its first heading.
    await pressOn(page, 'help-toggle');
    await pressOn(page, 'help-tour');
    await shown(page, 'arrival-tour');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await page.keyboard.press('Escape');
    await shown(page, 'arrival-tour', { gone: true });

    await readBoard(page);
    await page.close();
  });

  for (const size of [
    { width: 390, height: 844 },
    { width: 360, height: 640 },
  ]) {
    it(`shows the tour and the folded map, skips for good and reads the board on a phone (${size.width}x${size.height})`, {
      timeout: 400_000,
    }, async () => {
      const page = await browser!.newPage({ viewport: size, hasTouch: true, isMobile: true });
      await enterAsGuest(page, server!.url, `Phone ${size.width}`, { tour: true });
      await expectFacingBoard(page);
      await shown(page, 'arrival-tour');
      // The tour unfolds the map behind the dock so its marked place shows.
      await shown(page, 'minimap-plan');
      expect(await page.getByTestId('hud-dock-map').getAttribute('aria-expanded')).toBe('true');
      expect(await axeViolations(page, '[data-testid="arrival-tour"]')).toEqual([]);
      expect(await axeViolations(page, '[data-testid="minimap"]')).toEqual([]);
      expect(await axeViolations(page, '.hud-dock')).toEqual([]);
      // No key hints on a touch screen.
      expect(await page.locator('.door-key:visible').count()).toBe(0);
      if (size.width === 390) {
        await shown(page, 'boarding', { gone: true, timeout: 90_000 });
        await mkdir(ARTIFACTS, { recursive: true });
        await settledScreenshot(page, ARTIFACTS, 'phone-hud.png');
        await copyFile(join(ARTIFACTS, 'phone-hud.png'), join(DOCS, 'phone-hud.png'));
      }
      await pressOn(page, 'arrival-skip');
      await shown(page, 'arrival-tour', { gone: true });
      await reloadSeated(page);
      expect(await page.locator('[data-testid="arrival-tour"]').count()).toBe(0);

      // Controls help opens inside the screen.
      await pressOn(page, 'hud-dock-settings');
      await pressOn(page, 'help-toggle');
      const help = await page.evaluate(() => {
        const body = document.querySelector('.help-body')?.getBoundingClientRect();
        return body ? { left: body.left, right: body.right } : null;
      });
      expect(help!.left).toBeGreaterThanOrEqual(0);
      expect(help!.right).toBeLessThanOrEqual(size.width);
      await pressOn(page, 'help-toggle');

      await readBoard(page);
      await page.close();
    });
  }
});
