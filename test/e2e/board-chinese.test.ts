import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { eventStartedNow } from '../support/event-bots.ts';
import { AT_BOARD, enterAsGuest, settledScreenshot, WAIT, walkTo } from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

// Issue 21: Chinese in the 3D text. A brand's event titled in Chinese is on the departures board: a zh-Hant reader
// sees it drawn from the Traditional CJK pieces (assets/fonts/cjk), each fetched once and none from a CDN; an English
// reader's lounge fetches no CJK piece at all. The zh-Hant board's screenshot is docs/board-zh-hant.png.

const DOCS = join(import.meta.dirname, '../../docs');
const TITLE = '中秋晚會 Moon Gala';
let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-board-zh-'));
  server = await spawnLayoverIn(dir);
  browser = await launchChromium();
  const json = { 'content-type': 'application/json' };
  const signedIn = await fetch(`${server.url}/auth/test-wallet`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ name: 'Mei Lin', host: true }),
  });
  const { token } = (await signedIn.json()) as { token: string };
  const created = await fetch(`${server.url}/api/console/events`, {
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${token}` },
    body: JSON.stringify(eventStartedNow(TITLE, 'Mooncakes and lanterns by the windows.')),
  });
  expect(created.ok).toBe(true);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

/** Every URL the page requested, in order. */
function requests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) =>
    seen.push(new URL(request.url()).pathname + (request.url().includes('jsdelivr') ? ' (CDN)' : '')),
  );
  return seen;
}

/** Resolves once the board's rows hold the event (the first /api/events answer) and two frames have drawn since. */
async function boardListsEvent(page: Page): Promise<void> {
  await page.waitForFunction(
    (title) =>
      (window as unknown as { __layover: { getState: () => { liveEvents: { title: string }[] } } }).__layover
        .getState()
        .liveEvents.some((event) => event.title === title),
    TITLE,
    { ...WAIT, polling: 250 },
  );
}

it('draws a Chinese event title on the zh-Hant board from CJK pieces, and fetches none in English', {
  timeout: 420_000,
}, async () => {
  if (!server || !browser) throw new Error('setup failed');
  const zh = await browser.newContext({ locale: 'zh-TW', viewport: { width: 1280, height: 800 } });
  const page = await zh.newPage();
  const seen = requests(page);
  const pieces = () => seen.filter((path) => path.startsWith('/fonts/cjk/font-files/'));
  await enterAsGuest(page, server.url, '美玲');
  await boardListsEvent(page);
  await walkTo(page, AT_BOARD);
  // The board lays the title out once its pieces are in: wait for them, then for the frames that draw it.
  await page.waitForFunction(
    () =>
      performance
        .getEntriesByType('resource')
        .some((entry) => entry.name.includes('/fonts/cjk/font-files/hant-')),
    null,
    { ...WAIT, polling: 250 },
  );
  await page.waitForFunction(
    () =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/fonts/cjk/'))
        .every((entry) => (entry as PerformanceResourceTiming).responseEnd > 0),
    null,
    { ...WAIT, polling: 250 },
  );
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await mkdir(DOCS, { recursive: true });
  await settledScreenshot(page, DOCS, 'board-zh-hant.png', { timeout: 120_000 });
  expect(pieces().length).toBeGreaterThan(0);
  expect(pieces().every((path) => /\/hant-\d+\//.test(path))).toBe(true);
  expect(new Set(pieces()).size).toBe(pieces().length);
  expect(seen.filter((path) => path.endsWith('(CDN)'))).toEqual([]);
  await zh.close();

  const en = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  const english = await en.newPage();
  const seenInEnglish = requests(english);
  await enterAsGuest(english, server.url, 'Mei');
  await boardListsEvent(english);
  await walkTo(english, AT_BOARD);
  await english.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  expect(seenInEnglish.filter((path) => path.startsWith('/fonts/cjk/'))).toEqual([]);
  await en.close();
});
