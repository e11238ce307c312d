import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScreenVideoTestHooks } from '../../client/hall/screenVideo/screenVideoTestHooks.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { type HlsClip, serveHlsClip } from '../support/hls-clip.ts';
import { enterAsGuest, type LayoverWindow, WAIT } from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

// A host puts an HLS clip (made by ffmpeg, served from another origin listed in HLS_ORIGINS) on the big screen from
// the host panel; members in two hall instances play it in step with the room clock, tap to listen, a late member
// starts where the room is, and the host's stop takes it off every screen.

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const ENTER_WAIT = { timeout: 120_000 } as const;
// Polled on a timer: requestAnimationFrame (the default) hardly runs in pages of a busy machine.
const POLL = { ...WAIT, polling: 250 } as const;
let dir: string;
let clip: HlsClip;
let server: StartedServer | undefined;
let browser: Browser | undefined;
let eventId: string;
const pages: Page[] = [];

/** The page's player: its position, the room clock's position (server clock), and whether it plays with sound. */
interface PlayerReading {
  currentTime: number;
  roomPosition: number;
  paused: boolean;
  muted: boolean;
  startedAt: number;
}

function reading(page: Page): Promise<PlayerReading | null> {
  return page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('[data-testid=screen-video]');
    if (!video) return null;
    const startedAt = Number(video.dataset.startedAt);
    const roomNow = Date.now() + Number(video.dataset.offsetMs);
    return {
      currentTime: video.currentTime,
      roomPosition: (roomNow - startedAt) / 1000,
      paused: video.paused,
      muted: video.muted,
      startedAt,
    };
  });
}

/** Waits until the page's video has played past `seconds` and is not paused (its position advances). */
async function playingPast(page: Page, seconds: number): Promise<void> {
  try {
    await waitForPlaying(page, seconds);
  } catch (error) {
    const state = await page.evaluate(() => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid=screen-video]');
      const player = document.querySelector<HTMLElement>('[data-testid=screen-video-player]');
      if (!video) return { player: player?.outerHTML ?? 'no player' };
      return {
        status: player?.dataset.status,
        readyState: video.readyState,
        networkState: video.networkState,
        paused: video.paused,
        currentTime: video.currentTime,
        duration: video.duration,
        error: video.error?.message ?? null,
        src: video.currentSrc,
        buffered: Array.from({ length: video.buffered.length }, (_, i) => [
          video.buffered.start(i),
          video.buffered.end(i),
        ]),
      };
    });
    console.log(`[hls sync] not playing past ${seconds} s: ${JSON.stringify(state)}`);
    console.log(`[hls sync] clip requests: ${JSON.stringify([...clip.requests])}`);
    throw error;
  }
}

async function waitForPlaying(page: Page, seconds: number): Promise<void> {
  await page.waitForFunction(
    (past) => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid=screen-video]');
      return video !== null && !video.paused && video.readyState >= 3 && video.currentTime > past;
    },
    seconds,
    POLL,
  );
}

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser!.newPage({ viewport });
  // A loaded machine: navigation and actions in test/support helpers get minutes, not Playwright's 30 s.
  page.setDefaultTimeout(90_000);
  page.setDefaultNavigationTimeout(120_000);
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      console.log(`[page ${message.type()}] ${message.text()}`);
  });
  pages.push(page);
  return page;
}

async function enterHall(page: Page, name: string): Promise<string> {
  const enter = page.getByTestId(`event-enter-${eventId}`);
  try {
    await enter.waitFor(ENTER_WAIT);
  } catch (error) {
    await artifact(page, `hls-no-enter-${name}.png`);
    throw error;
  }
  await enter.press('Enter', WAIT);
  await page.getByTestId('event-hud').waitFor(WAIT);
  // The player mounts with the hall's HUD and installs the hook that names the hall instance.
  const handle = await page.waitForFunction(
    () => (window as { __layoverScreenVideo?: ScreenVideoTestHooks }).__layoverScreenVideo?.roomId() ?? false,
    null,
    { ...ENTER_WAIT, polling: 250 },
  );
  return (await handle.jsonValue()) as string;
}

/** A screenshot for people to look at (not an assertion): a page too busy to draw one in time is logged, not failed. */
async function artifact(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page
    .screenshot({ path: join(ARTIFACTS, name), timeout: 90_000 })
    .catch((error: Error) =>
      console.log(`[hls sync] no screenshot ${name}: ${error.message.split('\n')[0]}`),
    );
}

/** Offsets of each page against the room clock, and between the first two, printed (the target is within 1 s). */
async function logOffsets(label: string, members: Page[]): Promise<number[]> {
  const readings = await Promise.all(members.map(reading));
  const offsets = readings.map((r) => (r ? r.currentTime - r.roomPosition : Number.NaN));
  const between = offsets.length > 1 ? Math.abs((offsets[0] ?? 0) - (offsets[1] ?? 0)) : Number.NaN;
  console.log(
    `[hls sync] ${label}: vs room clock ${offsets.map((o) => `${o.toFixed(3)} s`).join(', ')}` +
      (offsets.length > 1 ? `; between members ${between.toFixed(3)} s` : ''),
  );
  return offsets;
}

beforeAll(async () => {
  // Long enough for a loaded machine: members may take a minute or more to start playing.
  clip = await serveHlsClip(600);
  dir = await mkdtemp(join(tmpdir(), 'layover-hls-'));
  // Two seats per hall: the host and Linh share one instance, Quan and (later) Sam the overflow.
  server = await spawnLayoverIn(dir, { HLS_ORIGINS: clip.origin, EVENT_HALL_CAPACITY: '2' });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await clip?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a video on the big screen in Chromium', () => {
  it('plays for members of two hall instances in step with the room clock, with sound on a tap; stop ends it', {
    timeout: 600_000,
  }, async () => {
    const url = server!.url;
    // The host: the dev chain's test wallet with the host role, signed in through the page so its refresh cookie
    // brings the lounge back as them.
    const host = await newPage({ width: 800, height: 600 });
    await host.goto(url);
    const hostToken = await host.evaluate(async () => {
      const response = await fetch('/auth/test-wallet', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Mei Lin', host: true }),
      });
      return ((await response.json()) as { token: string }).token;
    });
    const created = await fetch(`${url}/api/console/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hostToken}` },
      body: JSON.stringify({
        title: 'Screening night',
        description: 'A film on the big screen.',
        startsAt: new Date(Date.now() - 1000).toISOString(),
        durationMinutes: 30,
        hall: 'main-stage',
        access: { kind: 'anyone' },
        attendanceStampId: 'live-event',
        attendMinutes: 5,
        drops: [],
      }),
    });
    expect(created.status).toBe(201);
    eventId = ((await created.json()) as { id: string }).id;
    await host.reload();
    await host.waitForFunction(
      () => Boolean((window as unknown as LayoverWindow).__layover?.self?.()),
      null,
      ENTER_WAIT,
    );
    const hostRoom = await enterHall(host, 'host');
    const control = host.getByTestId('screen-video-control');
    await control.waitFor(WAIT);

    // Small pages (SwiftShader draws every pixel on the CPU); Quan on a phone.
    const linh = await newPage({ width: 800, height: 600 });
    const quan = await newPage({ width: 390, height: 844 });
    await Promise.all([enterAsGuest(linh, url, 'Linh'), enterAsGuest(quan, url, 'Quan')]);
    // One after the other: Linh takes the host's instance's second seat, Quan opens the overflow.
    const linhRoom = await enterHall(linh, 'linh');
    const quanRoom = await enterHall(quan, 'quan');
    console.log(`[hls sync] instances: host ${hostRoom}, Linh ${linhRoom}, Quan ${quanRoom}`);
    expect(linhRoom).toBe(hostRoom);
    expect(quanRoom).not.toBe(linhRoom);
    // A member has no host panel, so no control to put a video on the screen.
    await expect(linh.getByTestId('event-tab-host').count()).resolves.toBe(0);

    // The host, by keyboard: URL, then Enter on the play button.
    await host.getByTestId('screen-video-url').fill(clip.url, WAIT);
    await host.getByTestId('screen-video-play').press('Enter', WAIT);
    await host.getByTestId('screen-video-stop').waitFor(WAIT);
    expect(await axeViolations(host, '[data-testid=screen-video-control]')).toEqual([]);

    for (const member of [linh, quan]) await playingPast(member, 1);
    // Playing: the position advances on both, muted until the member asks for sound.
    const first = await Promise.all([linh, quan].map(reading));
    for (const [index, member] of [linh, quan].entries()) {
      expect(first[index]?.muted).toBe(true);
      await playingPast(member, (first[index]?.currentTime ?? 0) + 1);
    }
    expect(first[0]?.startedAt).toBe(first[1]?.startedAt);
    for (let sample = 1; sample <= 4; sample++) {
      const before = await reading(linh);
      await playingPast(linh, (before?.currentTime ?? 0) + 1);
      await logOffsets(`sample ${sample}`, [linh, quan]);
    }
    expect(clip.requests.get('clip.m3u8')).toBeGreaterThanOrEqual(2);

    // Tap to listen, by keyboard: the video plays with sound; axe finds nothing in the player.
    const listen = linh.getByTestId('screen-video-listen');
    await expect(listen.textContent()).resolves.toContain('Tap to listen');
    await listen.press('Enter', WAIT);
    await linh.waitForFunction(
      () => document.querySelector<HTMLVideoElement>('[data-testid=screen-video]')?.muted === false,
      null,
      POLL,
    );
    await expect(listen.textContent()).resolves.toContain('Mute the video');
    expect(await axeViolations(linh, '[data-testid=screen-video-player]')).toEqual([]);
    await mkdir(ARTIFACTS, { recursive: true });
    await artifact(linh, 'hls-desktop.png');

    // The host starts it again: Linh's choice to listen holds for the new video.
    const startedBefore = first[0]?.startedAt ?? 0;
    await host.getByTestId('screen-video-play').press('Enter', WAIT);
    await linh.waitForFunction(
      (before) =>
        Number(document.querySelector<HTMLVideoElement>('[data-testid=screen-video]')?.dataset.startedAt) >
        before,
      startedBefore,
      POLL,
    );
    await playingPast(linh, 1);
    const again = await reading(linh);
    expect(again?.muted).toBe(false);
    expect(again?.paused).toBe(false);

    expect(await axeViolations(quan, '[data-testid=screen-video-player]')).toEqual([]);
    await artifact(quan, 'hls-phone.png');
    const [player, column] = await Promise.all([
      quan.getByTestId('screen-video-player').boundingBox(),
      quan.getByTestId('event-hud').boundingBox(),
    ]);
    console.log(`[hls sync] phone: player ${JSON.stringify(player)}, hall column ${JSON.stringify(column)}`);

    // A late member starts where the room is, not at the clip's start (Linh leaves first: three pages at most).
    await playingPast(quan, 8);
    await linh.close();
    const sam = await newPage({ width: 800, height: 600 });
    await enterAsGuest(sam, url, 'Sam');
    const samRoom = await enterHall(sam, 'sam');
    console.log(`[hls sync] Sam joined ${samRoom}`);
    const joinedAt = await reading(quan);
    await playingPast(sam, Math.max(0, (joinedAt?.currentTime ?? 0) - 2));
    const samFirst = await reading(sam);
    console.log(
      `[hls sync] late member: room at ${samFirst?.roomPosition.toFixed(2)} s, Sam at ${samFirst?.currentTime.toFixed(2)} s`,
    );
    await playingPast(sam, (samFirst?.currentTime ?? 0) + 1);
    await logOffsets('late member vs Quan', [sam, quan]);

    // The host stops: every player goes.
    await host.getByTestId('screen-video-stop').press('Enter', WAIT);
    for (const member of [quan, sam])
      await member.getByTestId('screen-video-player').waitFor({ state: 'detached', ...WAIT });
  });
});
