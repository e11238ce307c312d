import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { FAKE_MEDIA_FLAGS, launchChromium } from '../support/browser.ts';
import { eventStartedNow } from '../support/event-bots.ts';
import { eventually } from '../support/layover.ts';
import { enterAsGuest, enterWithTestWallet, shown, WAIT } from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

// Shared by the stage media e2e files: one server with media on and two seats per hall, a host in the first hall
// instance, Linh beside them and Quan in the overflow instance; Chromium's fake camera and microphone.

/** window.__layoverStage (client/hall/media/stageTestHooks.ts). */
interface StageWindow {
  __layoverStage: {
    status: () => string;
    received: () => RTCPeerConnection[];
    published: () => RTCPeerConnection | null;
    screen: () => { kind: 'text' | 'video'; frames: number; source: string | null };
    audible: () => boolean;
  };
}

/** What a page receives from the stage now, summed over its receiving PeerConnections. */
export interface Received {
  pcs: number;
  audioEnergy: number;
  framesDecoded: number;
  screen: 'text' | 'video';
  /** The video offered to the big screen (camera or HLS), taken or not. */
  source: string | null;
  audible: boolean;
}

export interface StageHall {
  dir: string;
  server: StartedServer;
  browser: Browser;
  eventId: string;
  host: Page;
  linh: Page;
  quan: Page;
  close: () => Promise<void>;
}

/**
 * Serves the assets from a copy of dist/client taken when the server was up: other work on this machine
 * rebuilds dist/client meanwhile, and a lazy chunk renamed by a rebuild would 404 in the middle of the test.
 */
async function pinClient(context: BrowserContext, url: string, copy: string): Promise<void> {
  await context.route(`${url}/assets/**`, (route) =>
    route
      .fulfill({ path: join(copy, new URL(route.request().url()).pathname) })
      .catch(() => route.continue()),
  );
}

/** A host page: the test wallet's sign-in with the host role (the route grants it on request, tests only). */
async function enterAsHost(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.route('**/auth/test-wallet', (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
    return route.continue({ postData: JSON.stringify({ ...body, host: true }) });
  });
  await enterWithTestWallet(page, url, 'Mei Lin');
  return page;
}

/** Walks a seated page into the event's hall and waits for the hall's first patch. */
export async function enterHall(page: Page, eventId: string): Promise<number> {
  const enter = page.getByTestId(`event-enter-${eventId}`);
  // A background tab's timers are throttled: the Live now polling only lists the event for the front page.
  await page.bringToFront();
  await shown(page, `event-enter-${eventId}`, { timeout: 120_000 }).catch(async (error: unknown) => {
    // Says whether the server lists the event as open, and what the page holds, before failing.
    const listed = await page.evaluate(async () => (await fetch('/api/events')).text()).catch(String);
    const held = await page
      .evaluate(() =>
        JSON.stringify(
          (
            window as unknown as { __layover: { getState: () => { liveEvents?: unknown } } }
          ).__layover.getState().liveEvents,
        ),
      )
      .catch(String);
    console.log(
      `[stage-av] no enter button for ${eventId}: server ${listed.slice(0, 600)} page ${held.slice(0, 600)}`,
    );
    await page
      .screenshot({ path: join(tmpdir(), `stage-av-no-enter-${Date.now()}.png`) })
      .catch(() => undefined);
    throw error;
  });
  await enter.press('Enter');
  await shown(page, 'stage-controls');
  return page.evaluate(
    () =>
      (
        window as unknown as { __layover: { getState: () => { hall: { instance: number } | null } } }
      ).__layover.getState().hall?.instance ?? 0,
  );
}

/** Starts the server and browser, schedules an event now, and seats the host, Linh (instance 1) and Quan (2). */
export async function openStageHall(prefix: string, env: Record<string, string> = {}): Promise<StageHall> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const server = await spawnLayoverIn(dir, { MEDIA: 'on', EVENT_HALL_CAPACITY: '2', ...env });
  const browser = await launchChromium([...FAKE_MEDIA_FLAGS, '--autoplay-policy=user-gesture-required']);
  const close = async () => {
    await browser.close();
    await interrupt(server.child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const copy = join(dir, 'client');
    await cp(join(import.meta.dirname, '../../dist/client'), copy, { recursive: true });
    // One context per member (their own cookies); Quan on a phone-sized page.
    const wide = await browser.newContext({ viewport: { width: 1024, height: 700 } });
    const linhContext = await browser.newContext({ viewport: { width: 800, height: 600 } });
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    for (const context of [wide, linhContext, phone]) {
      // A loaded machine (CI runs two test files at once): navigation and the actions inside test/support's helpers
      // get minutes, not Playwright's 30 s defaults.
      context.setDefaultTimeout(90_000);
      context.setDefaultNavigationTimeout(120_000);
      await pinClient(context, server.url, copy);
    }
    // The host's page schedules the event (its token holds the host role); the others arrive after, so their first
    // events fetch lists it; the host's page picks it up at its next refresh (30 s).
    const host = await enterAsHost(wide, server.url);
    const token = await host.evaluate(
      () =>
        (
          window as unknown as { __layover: { getState: () => { token: string | null } } }
        ).__layover.getState().token,
    );
    const created = await fetch(`${server.url}/api/console/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(eventStartedNow('Stage Voices Live', 'The host on camera for every hall.')),
    });
    if (!created.ok) throw new Error(`event not created: ${created.status} ${await created.text()}`);
    const eventId = ((await created.json()) as { id: string }).id;
    const linh = await linhContext.newPage();
    const quan = await phone.newPage();
    await enterAsGuest(linh, server.url, 'Linh');
    await enterAsGuest(quan, server.url, 'Quan');
    const instances = [await enterHall(host, eventId), await enterHall(linh, eventId)];
    instances.push(await enterHall(quan, eventId));
    if (instances.join() !== '1,1,2')
      throw new Error(`expected hall instances 1,1,2, got ${instances.join()}`);
    return { dir, server, browser, eventId, host, linh, quan, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The host goes live with the camera through the host panel's Stage section (keyboard only). */
export async function goLiveWithCamera(host: Page): Promise<void> {
  await host.bringToFront();
  await shown(host, 'host-stage-mic-camera');
  await host.getByTestId('host-stage-mic-camera').check(WAIT);
  await host.getByTestId('host-stage-go-live').press('Enter');
  await shown(host, 'host-stage-live');
}

/** Sums the inbound audio energy and decoded frames of the page's stage PeerConnections (getStats). */
export function received(page: Page): Promise<Received> {
  return page.evaluate(async () => {
    const stage = (window as unknown as StageWindow).__layoverStage;
    const out = {
      pcs: 0,
      audioEnergy: 0,
      framesDecoded: 0,
      screen: stage.screen().kind,
      source: stage.screen().source,
      audible: stage.audible(),
    };
    for (const pc of stage.received()) {
      out.pcs += 1;
      const report = await pc.getStats();
      report.forEach(
        (entry: { type: string; kind?: string; totalAudioEnergy?: number; framesDecoded?: number }) => {
          if (entry.type !== 'inbound-rtp') return;
          if (entry.kind === 'audio') out.audioEnergy += entry.totalAudioEnergy ?? 0;
          if (entry.kind === 'video') out.framesDecoded += entry.framesDecoded ?? 0;
        },
      );
    }
    return out;
  });
}

/** Polls `received` (test/support's `eventually`) until `ok` holds; resolves with the reading that passed. */
export async function waitForReceived(
  page: Page,
  ok: (now: Received) => boolean,
  what: string,
  timeoutMs: number = WAIT.timeout,
): Promise<Received> {
  let last: Received | undefined;
  return eventually(
    async () => {
      last = await received(page);
      return ok(last) ? last : undefined;
    },
    what,
    timeoutMs,
  ).catch((error: unknown) => {
    throw new Error(`${what}: not reached; last reading ${JSON.stringify(last)}`, { cause: error });
  });
}

/** Pids of the Janus this server spawned (its config folder is DATA_DIR/janus). */
export function janusPids(dir: string): number[] {
  const folder = join(dir, 'data', 'janus');
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(folder) && /\bjanus\b/.test(line) && !line.includes('setpriv'))
    .map((line) => Number(line.trim().split(/\s+/)[0]))
    .filter((pid) => Number.isInteger(pid) && pid > 0);
}
