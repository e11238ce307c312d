import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const DOCS = join(import.meta.dirname, '../../docs');
/** Inside the window zone (0, -12.5, radius 6), in the gap between the west and centre sofas. */
const AT_WINDOW = { x: -4.4, z: -12.4 } as const;
/** Where the second guest waits, a metre from the first: close enough for "wave to another member" (4 m). */
const BESIDE_WINDOW = { x: -3.6, z: -11.8 } as const;
/** Inside the departures board zone (0, 11.5, radius 3). */
const AT_BOARD = { x: 0, z: 11 } as const;
/** Back in the middle of the lounge, facing the windows. */
const OVERLOOK = { x: -1, z: 5.5 } as const;
/** Everything here is slow under SwiftShader on two cores: wait on conditions, generously. */
const WAIT = { timeout: 45_000 } as const;

interface Pose {
  sessionId: string;
  x: number;
  z: number;
}

interface LayoverWindow {
  __layover: {
    getState: () => { members: { sessionId: string; status?: string }[] };
    self: () => string | null;
    poses: () => Pose[];
    walkTo: (x: number, z: number) => Promise<void>;
  };
}

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;

async function enterAsGuest(page: Page, name: string): Promise<string> {
  await page.goto(server!.url);
  await page.getByTestId('name-input').fill(name);
  await page.getByTestId('enter-guest').click();
  await page.waitForFunction(() => Boolean((window as unknown as LayoverWindow).__layover?.self?.()), null, {
    timeout: 60_000,
  });
  return page.evaluate(() => (window as unknown as LayoverWindow).__layover.self() as string);
}

/** Walks as a floor click does and waits until `watcher` (default: the walker) sees the server put us there. */
async function walkTo(page: Page, to: { x: number; z: number }, watcher: Page = page): Promise<void> {
  const id = await page.evaluate(() => (window as unknown as LayoverWindow).__layover.self() as string);
  await page.evaluate(([x, z]) => (window as unknown as LayoverWindow).__layover.walkTo(x, z), [
    to.x,
    to.z,
  ] as const);
  await watcher.waitForFunction(
    ([sessionId, x, z]) => {
      const pose = (window as unknown as LayoverWindow).__layover
        .poses()
        .find((p) => p.sessionId === sessionId);
      return pose !== undefined && Math.hypot(pose.x - (x as number), pose.z - (z as number)) < 0.6;
    },
    [id, to.x, to.z] as const,
    WAIT,
  );
}

/** Waits until a step of First Visit shows as done in the open journal. */
function stepDone(page: Page, step: string) {
  return page.locator(`[data-testid="step-first-visit-${step}"][data-done="true"]`).waitFor(WAIT);
}

/** A screenshot once the pointer is off the HUD and no CSS transition is still running. */
async function settledScreenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(1, 400);
  await page.waitForFunction(
    () => document.getAnimations().every((animation) => !(animation instanceof CSSTransition)),
    null,
    WAIT,
  );
  await page.screenshot({ path: join(ARTIFACTS, name) });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-quests-'));
  server = await spawnLayoverIn(dir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

describe('quests in Chromium', () => {
  it('walks the First Visit journey and finds its stamp in the passport', { timeout: 300_000 }, async () => {
    const traveller = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    const friend = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    const travellerId = await enterAsGuest(traveller, 'Traveller');
    await enterAsGuest(friend, 'Friend');

    await traveller.getByTestId('open-journal').click();
    const journey = traveller.getByTestId('journey-first-visit');
    await expect.poll(() => journey.getAttribute('data-status'), WAIT).toBe('active');
    await expect(traveller.getByTestId('step-first-visit-window').getAttribute('data-done')).resolves.toBe(
      'false',
    );

    await walkTo(friend, BESIDE_WINDOW, traveller);
    await walkTo(traveller, AT_WINDOW);
    await stepDone(traveller, 'window');

    await traveller.getByTestId('emote-wave').click();
    await stepDone(traveller, 'wave');

    await walkTo(traveller, AT_BOARD);
    const read = traveller.getByTestId('interact-departures-board');
    await read.waitFor(WAIT);
    await read.click();
    await traveller.getByTestId('stamp-celebration').waitFor(WAIT);
    await mkdir(ARTIFACTS, { recursive: true });
    await traveller.screenshot({ path: join(ARTIFACTS, 'celebration.png') });
    await stepDone(traveller, 'board');
    await expect.poll(() => journey.getAttribute('data-status'), WAIT).toBe('completed');
    await expect(traveller.getByTestId('journey-status-first-visit').textContent()).resolves.toMatch(
      /^Completed/,
    );

    // Name tags read the room state: the friend sees the traveller's new status level.
    await friend.waitForFunction(
      (id) =>
        (window as unknown as LayoverWindow).__layover
          .getState()
          .members.some((member) => member.sessionId === id && member.status === 'explorer'),
      travellerId,
      WAIT,
    );

    // Step back from the board, so the camera sees the lounge (and our two-line name tag) for the screenshot.
    await walkTo(traveller, OVERLOOK);
    await traveller.getByTestId('open-passport').click();
    const stamp = traveller.getByTestId('stamp-first-visit');
    await expect.poll(() => stamp.getAttribute('data-earned'), WAIT).toBe('true');
    await expect(stamp.textContent()).resolves.toContain('Departures board, Main lounge');
    await expect(traveller.getByTestId('stamp-frequent-flyer').getAttribute('data-earned')).resolves.toBe(
      'false',
    );
    await expect(traveller.getByTestId('passport-points').textContent()).resolves.toContain('100');
    const chain = await traveller.getByTestId('stamp-chain-first-visit').getAttribute('data-state');
    expect(['held', 'queued', 'minting', 'delivered']).toContain(chain);

    await traveller.getByTestId('stamp-celebration').waitFor({ state: 'detached', ...WAIT });
    await mkdir(ARTIFACTS, { recursive: true });
    await settledScreenshot(traveller, 'passport.png');
    await mkdir(DOCS, { recursive: true });
    await copyFile(join(ARTIFACTS, 'passport.png'), join(DOCS, 'passport.png'));

    await traveller.getByTestId('open-journal').click();
    await settledScreenshot(traveller, 'journal.png');
    // On a phone the panel is a sheet over everything: Escape (or ×) closes it and hands focus back.
    await traveller.setViewportSize({ width: 390, height: 844 });
    await traveller.keyboard.press('Escape');
    await traveller.getByTestId('journal').waitFor({ state: 'detached', ...WAIT });
    await expect(
      traveller.getByTestId('open-journal').evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    await traveller.getByTestId('open-passport').click();
    await expect(traveller.getByTestId('passport').boundingBox()).resolves.toMatchObject({ x: 8 });
    await settledScreenshot(traveller, 'passport-phone.png');
  });
});
