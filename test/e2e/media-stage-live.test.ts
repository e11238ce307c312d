import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { type HlsClip, serveHlsClip } from '../support/hls-clip.ts';
import { shown, WAIT } from '../support/lounge-page.ts';
import {
  goLiveWithCamera,
  janusPids,
  openStageHall,
  received,
  type StageHall,
  waitForReceived,
} from './media-stage-hall.ts';

// One live event, three members in Chromium with fake camera and microphone, two hall instances (two seats each):
// the host and Linh in the first, Quan (a phone-sized page) in the overflow. In order:
// 1. the host goes live with camera: Linh and Quan decode the camera on the big screen and, after Tap to listen, hear
//    the host (inbound audio energy in getStats) - one Janus room per event reaches every instance;
// 2. Janus is killed (-9): the event goes on in text, and sound and camera come back by themselves, no reload;
// 3. the host ends live: screens go back to text;
// 4. the host puts an HLS clip (ffmpeg, served from another origin) on the big screen: both members play it in step
//    with the room clock and with each other (within 1 s), with sound on a tap; the host's stop takes it off.
// One server and one set of pages for all four: each SwiftShader page costs a core-minute to start on CI.

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
/** Polled on a timer: requestAnimationFrame (Playwright's default) hardly runs in pages of a busy machine. */
const POLL = { ...WAIT, polling: 250 } as const;

let clip: HlsClip | undefined;
let hall: StageHall | undefined;

beforeAll(async () => {
  // Long enough for a loaded machine: members may take a minute to start playing.
  clip = await serveHlsClip(300);
  hall = await openStageHall('layover-stage-live-', { HLS_ORIGINS: clip.origin });
}, 480_000);

afterAll(async () => {
  await hall?.close();
  await clip?.close();
});

/** The page's HLS player against the room clock (server time), or null when no video is on its screen. */
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

/** Waits until the page's video plays (not paused, data ahead) past `seconds`; says what the player holds if not. */
async function playingPast(page: Page, seconds: number): Promise<void> {
  try {
    await page.waitForFunction(
      (past) => {
        const video = document.querySelector<HTMLVideoElement>('[data-testid=screen-video]');
        return video !== null && !video.paused && video.readyState >= 3 && video.currentTime > past;
      },
      seconds,
      POLL,
    );
  } catch (error) {
    const state = await page.evaluate(() => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid=screen-video]');
      const player = document.querySelector<HTMLElement>('[data-testid=screen-video-player]');
      if (!video) return { player: player?.outerHTML ?? 'no player' };
      return {
        status: player?.dataset.status,
        readyState: video.readyState,
        paused: video.paused,
        currentTime: video.currentTime,
        error: video.error?.message ?? null,
      };
    });
    throw new Error(`not playing past ${seconds} s: ${JSON.stringify(state)}`, { cause: error });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

describe('a live event heard and seen in two hall instances', () => {
  it('sends the live host to Linh and Quan: camera frames on the big screen, audio energy after Tap to listen', {
    timeout: 240_000,
  }, async () => {
    const { host, linh, quan } = hall!;
    const liveAt = Date.now();
    await goLiveWithCamera(host);
    await shown(host, 'stage-media-live').catch(async (error: unknown) => {
      const state = await host.evaluate(() =>
        JSON.stringify({
          status: (window as unknown as { __layoverStage: { status: () => string } }).__layoverStage.status(),
          strip: document.querySelector('[data-testid=stage-media]')?.textContent,
        }),
      );
      throw new Error(`the host is not live on media: ${state}`, { cause: error });
    });

    for (const [name, page] of [
      ['Linh', linh],
      ['Quan', quan],
    ] as const) {
      const first = await waitForReceived(page, (now) => now.framesDecoded > 0, `${name} decodes the camera`);
      console.log(`[stage-live] ${name}: first video frame ${Date.now() - liveAt} ms after Go live (polled)`);
      expect(first.pcs).toBeGreaterThan(0);
      // Nothing plays before the member's click.
      expect(first.audible).toBe(false);
      await waitForReceived(page, (now) => now.screen === 'video', `${name}'s big screen shows the camera`);
    }

    for (const page of [linh, quan]) {
      const listen = page.getByTestId('stage-listen');
      await shown(page, 'stage-listen');
      expect(await listen.getAttribute('aria-pressed')).toBe('false');
      await listen.press('Enter');
      await expect.poll(() => listen.getAttribute('aria-pressed'), WAIT).toBe('true');
      const heard = await waitForReceived(page, (now) => now.audioEnergy > 0 && now.audible, 'audio energy');
      const more = await waitForReceived(page, (now) => now.audioEnergy > heard.audioEnergy, 'energy rises');
      const frames = await waitForReceived(
        page,
        (now) => now.framesDecoded > more.framesDecoded,
        'frames go on',
      );
      console.log(
        `[stage-live] audio energy ${heard.audioEnergy.toFixed(4)} -> ${more.audioEnergy.toFixed(4)}, frames ${frames.framesDecoded}`,
      );
    }

    // The host sees their own camera on the big screen too; the stage strip passes axe on both sides.
    await waitForReceived(host, (now) => now.screen === 'video', "the host's screen shows the camera");
    expect(await axeViolations(linh, '[data-testid=stage-media]')).toEqual([]);
    expect(await axeViolations(host, '[data-testid=stage-media]')).toEqual([]);
  });

  it('keeps the event in text while Janus is down and resumes sound and camera without a reload', {
    timeout: 300_000,
  }, async () => {
    const { host, linh, quan, dir } = hall!;
    const before = await linh.evaluate(() => {
      const w = window as unknown as {
        __layoverStage: { received: () => RTCPeerConnection[] };
        __oldPcs: RTCPeerConnection[];
        __sameDocument: boolean;
      };
      w.__oldPcs = w.__layoverStage.received();
      // A marker that only a reload would clear.
      w.__sameDocument = true;
      return w.__oldPcs.length;
    });
    expect(before).toBeGreaterThan(0);

    const pids = janusPids(dir);
    expect(pids.length).toBeGreaterThan(0);
    const killedAt = Date.now();
    for (const pid of pids) process.kill(pid, 'SIGKILL');

    await shown(linh, 'stage-media-status', { text: 'Reconnecting' });
    // The event goes on in text: the host's announcement reaches both instances while media is down or coming back.
    const announce = host.getByTestId('host-announce-text');
    await host.bringToFront();
    await announce.fill('Sound is coming back, stay with us', WAIT);
    await announce.press('Enter');
    for (const page of [linh, quan])
      await expect
        .poll(
          () =>
            page
              .getByTestId('event-announcement')
              .textContent({ timeout: 1000 })
              .catch(() => ''),
          WAIT,
        )
        .toContain('Sound is coming back');

    for (const [name, page] of [
      ['Linh', linh],
      ['Quan', quan],
    ] as const) {
      const back = await waitForReceived(
        page,
        (now) => now.framesDecoded > 0 && now.audioEnergy > 0,
        `${name}'s stage comes back`,
        120_000,
      );
      console.log(
        `[stage-live] ${name}: media back ${Date.now() - killedAt} ms after kill -9 of Janus (polled)`,
      );
      await waitForReceived(page, (now) => now.framesDecoded > back.framesDecoded, `${name}'s frames go on`);
    }
    const fresh = await linh.evaluate(() => {
      const w = window as unknown as {
        __oldPcs: RTCPeerConnection[];
        __sameDocument?: boolean;
        __layoverStage: { received: () => RTCPeerConnection[]; status: () => string };
      };
      return {
        sameDocument: w.__sameDocument === true,
        newPcs: w.__layoverStage.received().every((pc) => !w.__oldPcs.includes(pc)),
        status: w.__layoverStage.status(),
      };
    });
    expect(fresh).toEqual({ sameDocument: true, newPcs: true, status: 'live' });
    // A new Janus answers, not the one killed.
    expect(janusPids(dir).some((pid) => !pids.includes(pid))).toBe(true);
    expect((await received(quan)).screen).toBe('video');
  });

  it('stops the camera on every screen and the host’s tracks when the host ends live', {
    timeout: 120_000,
  }, async () => {
    const { host, linh, quan } = hall!;
    await host.getByTestId('host-stage-end-live').press('Enter');
    await shown(host, 'host-stage-go-live');
    for (const page of [linh, quan])
      await waitForReceived(page, (now) => now.screen === 'text' && now.pcs === 0, 'screen back to text');
    await expect
      .poll(
        () =>
          host.evaluate(() =>
            (
              window as unknown as { __layoverStage: { published: () => unknown } }
            ).__layoverStage.published(),
          ),
        WAIT,
      )
      .toBeNull();
    expect((await received(host)).screen).toBe('text');
  });

  it('plays an HLS clip for both instances within 1 s of the room clock and of each other; stop ends it', {
    timeout: 300_000,
  }, async () => {
    const { host, linh, quan } = hall!;
    // Members have no control to put a video on the screen.
    await expect(linh.getByTestId('screen-video-control').count()).resolves.toBe(0);
    await host.bringToFront();
    await host.getByTestId('screen-video-url').fill(clip!.url, WAIT);
    await host.getByTestId('screen-video-play').press('Enter', WAIT);
    await shown(host, 'screen-video-stop');
    expect(await axeViolations(host, '[data-testid=screen-video-control]')).toEqual([]);

    // Settled: both past 3 s into the clip (a seek past 1 s of drift, then rate nudges).
    for (const member of [linh, quan]) await playingPast(member, 3);
    const [linhFirst, quanFirst] = await Promise.all([linh, quan].map(reading));
    expect(linhFirst?.startedAt).toBe(quanFirst?.startedAt);
    // Muted until the member asks for sound.
    expect([linhFirst?.muted, quanFirst?.muted]).toEqual([true, true]);

    const vsRoom: number[] = [];
    const between: number[] = [];
    for (let sample = 1; sample <= 5; sample++) {
      const now = await reading(linh);
      await playingPast(linh, (now?.currentTime ?? 0) + 1);
      const [a, b] = await Promise.all([linh, quan].map(reading));
      if (!a || !b) throw new Error('a player went away mid-clip');
      // Each page reads its position and the room clock at the same instant; the two pages' readings are not at the
      // same instant, so members are compared by their offsets to the room clock.
      const offsets = [a.currentTime - a.roomPosition, b.currentTime - b.roomPosition] as const;
      vsRoom.push(...offsets.map(Math.abs));
      between.push(Math.abs(offsets[0] - offsets[1]));
      console.log(
        `[stage-live] hls sample ${sample}: vs room clock ${offsets.map((o) => o.toFixed(3)).join(' s, ')} s; between members ${between.at(-1)?.toFixed(3)} s`,
      );
    }
    // Medians: one sample may land in the middle of a page's seek on a busy machine.
    expect(median(vsRoom)).toBeLessThan(1);
    expect(median(between)).toBeLessThan(1);
    expect(clip!.requests.get('clip.m3u8')).toBeGreaterThanOrEqual(2);

    // Tap to listen, by keyboard: sound on; axe finds nothing in the player (desktop and phone).
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
    expect(await axeViolations(quan, '[data-testid=screen-video-player]')).toEqual([]);
    await mkdir(ARTIFACTS, { recursive: true });
    await quan
      .screenshot({ path: join(ARTIFACTS, 'stage-live-hls-phone.png'), timeout: 90_000 })
      .catch((error: Error) => console.log(`[stage-live] no screenshot: ${error.message.split('\n')[0]}`));

    // The host stops: every player goes.
    await host.getByTestId('screen-video-stop').press('Enter', WAIT);
    for (const member of [linh, quan]) await shown(member, 'screen-video-player', { gone: true });
  });
});
