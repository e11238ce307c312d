import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { interrupt, processesMatching, type StartedServer, spawnLayoverIn } from '../support/process.ts';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');

interface Pose {
  sessionId: string;
  name: string;
  x: number;
  z: number;
}

interface LayoverWindow {
  __layover: {
    self: () => string | null;
    poses: () => Pose[];
    renderer: () => { calls: number; triangles: number };
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

function posesOn(page: Page): Promise<Pose[]> {
  return page.evaluate(() => (window as unknown as LayoverWindow).__layover.poses() as Pose[]);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-'));
  server = await spawnLayoverIn(dir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

describe('the lounge in Chromium', () => {
  it('shows one guest walking to another guest, and renders the lounge', async () => {
    const walker = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    const watcher = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    const walkerId = await enterAsGuest(walker, 'Walker');
    await enterAsGuest(watcher, 'Watcher');

    const before = await watcher.waitForFunction(
      (id) =>
        (window as unknown as LayoverWindow).__layover.poses().find((pose: Pose) => pose.sessionId === id),
      walkerId,
      { timeout: 15_000 },
    );
    const start = (await before.jsonValue()) as Pose;
    expect(start.name).toBe('Walker');

    await walker
      .locator('body')
      .click({ position: { x: 5, y: 5 } })
      .catch(() => {});
    // Hold W until the other guest sees the walker a metre away (a fixed hold is too short when frames are slow).
    await walker.keyboard.down('w');
    await watcher.waitForFunction(
      ([id, x, z]) => {
        const pose = (window as unknown as LayoverWindow).__layover
          .poses()
          .find((p: Pose) => p.sessionId === id);
        return pose && Math.hypot(pose.x - (x as number), pose.z - (z as number)) > 1;
      },
      [walkerId, start.x, start.z] as const,
      { timeout: 45_000 },
    );
    await walker.keyboard.up('w');
    const seen = (await posesOn(watcher)).find((pose) => pose.sessionId === walkerId)!;
    expect(Math.hypot(seen.x - start.x, seen.z - start.z)).toBeGreaterThan(1);

    const render = await watcher.evaluate(() => (window as unknown as LayoverWindow).__layover.renderer());
    expect(render.calls).toBeGreaterThan(0);
    await mkdir(ARTIFACTS, { recursive: true });
    await watcher.screenshot({ path: join(ARTIFACTS, 'lounge.png') });
  });

  it('stops everything on Ctrl-C, leaving no process behind', async () => {
    const anvilPort = server!.anvilPort;
    expect(processesMatching(`--port ${anvilPort}`).length).toBeGreaterThan(0);
    await browser?.close();
    browser = undefined;
    const code = await interrupt(server!.child);
    expect(code).toBe(0);
    expect(server!.output()).toContain('Layover: stopped.');
    expect(processesMatching(`--port ${anvilPort}`)).toEqual([]);
    server = undefined;
  });
});
