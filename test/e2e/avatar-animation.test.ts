import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AvatarSample } from '../../client/core/scene/avatarProbe.ts';
import { launchChromium } from '../support/browser.ts';
import { waitFor } from '../support/layover.ts';
import { enterAsGuest, type LayoverWindow, WAIT, walkTo } from '../support/lounge-page.ts';
import { distanceTo } from '../support/pose.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const DOCS = join(import.meta.dirname, '../../docs');
const POLL = { ...WAIT, polling: 250 } as const;
/** In the open middle of the lounge, 12 m from the spawn, towards the windows (nothing in the way). */
const FACING_CAMERA = { x: -2, z: -4 } as const;

type AvatarWindow = LayoverWindow & {
  __layover: LayoverWindow['__layover'] & {
    avatars: () => Record<string, AvatarSample>;
  };
};

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;
const bots: Room[] = [];

/** A guest in the lounge over the real socket, as the page's client joins it. */
async function guestBot(url: string, name: string): Promise<Room> {
  const response = await fetch(`${url}/auth/guest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  const { token } = (await response.json()) as { token: string };
  const room = await new Client(url).joinOrCreate('lounge', { token });
  room.onMessage('*', () => {});
  bots.push(room);
  return room;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-'));
  server = await spawnLayoverIn(dir);
  browser = await launchChromium();
});

afterAll(async () => {
  // Each leave settles when the server confirms it or the socket closes: a state, not a clock.
  await Promise.all(
    bots.filter((room) => room.connection.isOpen).map((room) => room.leave().catch(() => {})),
  );
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

describe('animated avatars in Chromium', () => {
  it('walks and emotes in the vertex shader, within the lounge draw-call budget', {
    timeout: 240_000,
  }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    const shaderErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /shader|program/i.test(message.text()))
        shaderErrors.push(message.text());
    });
    const self = await enterAsGuest(page, server!.url, 'Walker');
    // The scenery is merged once its fonts are laid out: wait for it, then hold the whole lounge to the budget.
    await page.waitForFunction(
      () => ((window as unknown as AvatarWindow).__layover.renderer()?.calls ?? 0) >= 20,
      null,
      {
        ...POLL,
        timeout: 90_000,
      },
    );
    const standing = await page.waitForFunction(
      (id) => (window as unknown as AvatarWindow).__layover.avatars()[id],
      self,
      POLL,
    );
    expect(((await standing.jsonValue()) as AvatarSample).detail).toBe('near');

    // Our own walk, as a floor click starts one (12 m, about 3 s): the legs swing (walk amount) and the stride moves
    // on (walk phase). A timer in the page keeps the largest swing it sees, since a starved page draws few frames.
    // We end facing the follow camera, which stayed behind the spawn heading.
    await page.evaluate((id) => {
      const record = window as unknown as AvatarWindow & { __largestSwing: number };
      record.__largestSwing = 0;
      setInterval(() => {
        const motion = record.__layover.avatars()[id]?.motion;
        record.__largestSwing = Math.max(record.__largestSwing, motion?.[1] ?? 0);
      }, 50);
    }, self);
    await walkTo(page, FACING_CAMERA);
    await page.waitForFunction(
      (id) => {
        const record = window as unknown as AvatarWindow & { __largestSwing: number };
        const motion = record.__layover.avatars()[id]?.motion;
        return record.__largestSwing > 0.5 && motion !== undefined && motion[0] !== 0 && motion[1]! < 0.05;
      },
      self,
      POLL,
    );

    // Guests stand in a row with us, having walked the same way, so they face the camera too.
    const home = (await page.evaluate(
      (id) => (window as unknown as AvatarWindow).__layover.poses().find((pose) => pose.sessionId === id)!,
      self,
    )) as unknown as { x: number; z: number; heading: number };
    const forward = { x: Math.sin(home.heading), z: Math.cos(home.heading) };
    const spots = [
      [-1.5, -0.4],
      [1.5, -0.4],
      [0.8, -1.8],
    ].map(([side, ahead]) => ({
      x: home.x + forward.x * ahead! - forward.z * side!,
      z: home.z + forward.z * ahead! + forward.x * side!,
    }));
    const guests = await Promise.all(['Ada', 'Bao', 'Chi'].map((name) => guestBot(server!.url, name)));
    const reach = async (to: (i: number) => { x: number; z: number }) => {
      for (const [i, room] of guests.entries()) room.send('moveTo', to(i));
      await waitFor(
        () =>
          guests.every((room, i) => {
            const state = room.state as { members?: Map<string, { x: number; z: number; heading: number }> };
            const member = state.members?.get(room.sessionId);
            return member !== undefined && distanceTo(member, to(i).x, to(i).z) < 0.6;
          }),
        WAIT.timeout,
        'the guests in place',
      );
    };
    await reach((i) => ({ x: spots[i]!.x - forward.x * 2, z: spots[i]!.z - forward.z * 2 }));
    await reach((i) => spots[i]!);
    await page.waitForFunction(
      (ids) =>
        ids.every((id) => (window as unknown as AvatarWindow).__layover.avatars()[id]?.motion[1] === 0),
      guests.map((room) => room.sessionId),
      POLL,
    );

    // A close-up: the camera pulled in behind us, the guests in front, each mid-emote (ours by key: 1 waves, the
    // guests' over the socket), each seen as the body's emote attribute.
    await page.mouse.move(640, 420);
    await page.mouse.wheel(0, -450);
    await page.keyboard.press('Digit1');
    guests[0]!.send('emote', { emote: 'clap' });
    guests[1]!.send('emote', { emote: 'wave' });
    guests[2]!.send('emote', { emote: 'cheer' });
    await page.waitForFunction(
      ([id, clapper, waver, cheerer]) => {
        const avatars = (window as unknown as AvatarWindow).__layover.avatars();
        const playing = (who: string, code: number) =>
          avatars[who]?.motion[2] === code && (avatars[who]?.motion[3] ?? 0) > 0.6;
        return playing(id!, 1) && playing(clapper!, 2) && playing(waver!, 1) && playing(cheerer!, 3);
      },
      [self, guests[0]!.sessionId, guests[1]!.sessionId, guests[2]!.sessionId],
      POLL,
    );
    await mkdir(ARTIFACTS, { recursive: true });
    await mkdir(DOCS, { recursive: true });
    await page.screenshot({
      path: join(DOCS, 'avatars.png'),
      clip: { x: 240, y: 60, width: 800, height: 600 },
    });
    await page.screenshot({ path: join(ARTIFACTS, 'avatars.png') });
    const render = await page.evaluate(() => (window as unknown as AvatarWindow).__layover.renderer());
    expect(render!.calls).toBeLessThanOrEqual(60);
    expect(shaderErrors).toEqual([]);
  });
});
