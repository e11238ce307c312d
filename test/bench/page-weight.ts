// Page weight (issue 21): bytes over the wire until the lounge settles, cold cache, as Chromium counts them (CDP
// Network encodedDataLength: compressed bodies plus headers), for a desktop and a phone profile, with the server
// serving its own build as `npm start` does. WebSocket frames are not counted. `npx tsx test/bench/page-weight.ts`;
// `--locale zh-TW` (any browser language tag) weighs the lounge in that language.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { enterAsGuest, type LayoverWindow } from '../support/lounge-page.ts';
import { interrupt, spawnLayoverIn } from '../support/process.ts';
import { fixed, machineFacts, met, table } from './scale/report.ts';

const localeArg = process.argv.indexOf('--locale');
/** The browser's language (the lounge picks zh-Hant for zh-TW, zh-Hans for zh-CN); Chromium's default otherwise. */
const LOCALE = localeArg > 0 ? process.argv[localeArg + 1] : undefined;
const COMMAND = `npx tsx test/bench/page-weight.ts${LOCALE ? ` --locale ${LOCALE}` : ''}`;
const TARGET_KB = 1500;
/**
 * The lounge has settled when its scene draws at least this many calls and no file (anything but the API's polls,
 * which go on as long as the page is open) was fetched for QUIET_MS.
 */
const SETTLED_CALLS = 20;
const QUIET_MS = 3000;

const isApi = (url: string) => /^\/(api|auth|matchmake)\//.test(new URL(url).pathname);

const PROFILES: Record<string, BrowserContextOptions> = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 },
};

interface Fetched {
  url: string;
  type: string;
  encoding: string;
  wire: number;
  decoded: number;
}

async function weigh(browser: Browser, url: string, profile: BrowserContextOptions) {
  const context = await browser.newContext(LOCALE ? { ...profile, locale: LOCALE } : profile);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const pending = new Map<string, Fetched>();
  const done: Fetched[] = [];
  let lastActivity = Date.now();
  cdp.on('Network.responseReceived', (event) => {
    const headers = Object.fromEntries(
      Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
    );
    pending.set(event.requestId, {
      url: event.response.url,
      type: event.type,
      encoding: headers['content-encoding'] ?? '-',
      wire: 0,
      decoded: 0,
    });
    if (!isApi(event.response.url)) lastActivity = Date.now();
  });
  cdp.on('Network.dataReceived', (event) => {
    const item = pending.get(event.requestId);
    if (item) item.decoded += event.dataLength;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const item = pending.get(event.requestId);
    if (!item) return;
    item.wire = event.encodedDataLength;
    done.push(item);
    pending.delete(event.requestId);
    if (!isApi(item.url)) lastActivity = Date.now();
  });
  const started = Date.now();
  await enterAsGuest(page, url, 'Weigh-in');
  await page.waitForFunction(
    (calls) => ((window as unknown as LayoverWindow).__layover.renderer()?.calls ?? 0) >= calls,
    SETTLED_CALLS,
    { timeout: 120_000 },
  );
  const filesPending = () => [...pending.values()].some((item) => !isApi(item.url));
  while (Date.now() - lastActivity < QUIET_MS || filesPending()) {
    if (Date.now() - started > 180_000) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const workers = page.workers().length;
  await context.close();
  return { fetched: done, workers, settledMs: lastActivity - started };
}

const dir = await mkdtemp(join(tmpdir(), 'layover-weight-'));
const server = await spawnLayoverIn(dir);
const browser = await launchChromium();
try {
  console.log(`# Page weight, ${new Date().toISOString().slice(0, 10)} (${COMMAND})\n${machineFacts()}\n`);
  for (const [name, profile] of Object.entries(PROFILES)) {
    const { fetched, workers, settledMs } = await weigh(browser, server.url, profile);
    const wireKb = fetched.reduce((sum, f) => sum + f.wire, 0) / 1000;
    const apiKb = fetched.filter((f) => isApi(f.url)).reduce((sum, f) => sum + f.wire, 0) / 1000;
    const decodedKb = fetched.reduce((sum, f) => sum + f.decoded, 0) / 1000;
    console.log(
      `## ${name}: ${fixed(wireKb, 0)} KB over the wire (${fixed(decodedKb, 0)} KB decoded), ${fetched.length} ` +
        `requests (API ${fixed(apiKb)} KB of it), ${workers} workers, last file ${fixed(settledMs / 1000)} s after opening; target <= ${TARGET_KB} KB: ` +
        `${met(wireKb <= TARGET_KB)}\n`,
    );
    const top = [...fetched].sort((a, b) => b.wire - a.wire).slice(0, 10);
    console.log(
      table(
        ['file', 'type', 'encoding', 'wire KB', 'decoded KB'],
        top.map((f) => [
          new URL(f.url).pathname.slice(0, 60),
          f.type,
          f.encoding,
          fixed(f.wire / 1000),
          fixed(f.decoded / 1000),
        ]),
        [false, false, false, true, true],
      ),
    );
    console.log('');
  }
} finally {
  await browser.close();
  await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
}
