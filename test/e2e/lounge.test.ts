import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import {
  enterAsGuest,
  type LayoverWindow,
  type Pose,
  posesOf,
  settledScreenshot,
  WAIT,
} from '../support/lounge-page.ts';
import {
  interrupt,
  processesMatching,
  type StartedServer,
  spawnLayover,
  spawnLayoverIn,
} from '../support/process.ts';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const DOCS = join(import.meta.dirname, '../../docs');

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;

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
  it('shows one guest walking to another guest, and renders the lounge', { timeout: 180_000 }, async () => {
    const walker = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    const watcher = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    const walkerId = await enterAsGuest(walker, server!.url, 'Walker');
    await enterAsGuest(watcher, server!.url, 'Watcher');

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
    const seen = (await posesOf(watcher)).find((pose) => pose.sessionId === walkerId)!;
    expect(Math.hypot(seen.x - start.x, seen.z - start.z)).toBeGreaterThan(1);

    // The scenery (shell, furniture, board, windows: about 40 draw calls) is drawn once the board's font is laid out;
    // avatars alone are 4. A page whose text never lays out (troika's worker refused by the CSP) stays at 4.
    await watcher.waitForFunction(
      () => ((window as unknown as LayoverWindow).__layover.renderer()?.calls ?? 0) >= 20,
      null,
      { timeout: 60_000, polling: 250 },
    );
    const render = await watcher.evaluate(() => (window as unknown as LayoverWindow).__layover.renderer());
    expect(render?.calls).toBeGreaterThanOrEqual(20);
    // Issue 21's budget for the software profile, with the glTF furniture merged into the scenery.
    expect(render?.calls).toBeLessThanOrEqual(60);
    await mkdir(ARTIFACTS, { recursive: true });
    await watcher.screenshot({ path: join(ARTIFACTS, 'lounge.png') });
    // The README's picture of the lounge, taken once the HUD's transitions have ended.
    await mkdir(DOCS, { recursive: true });
    await settledScreenshot(watcher, DOCS, 'lounge.png');
  });

  it('installs window.__layover only when the server was started with TEST_HOOKS=on', {
    timeout: 180_000,
  }, async () => {
    // A second server on the first one's chain and deployment record: it reuses the contracts and mints nothing.
    const bare = await spawnLayover({
      PORT: '0',
      RPC_URL: `http://127.0.0.1:${server!.anvilPort}`,
      DATA_DIR: join(dir, 'bare-data'),
      DEPLOYMENTS_DIR: join(dir, 'deployments'),
      ORACLE: 'off',
      CLIENT_BUILD: 'skip',
      TEST_HOOKS: undefined,
    });
    try {
      const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
      // The hooks are a chunk loaded only on a marked page: once the entry screen shows and the network is idle, they
      // are there or never will be.
      const seen = async (url: string) => {
        await page.goto(url);
        await page.getByTestId('name-input').waitFor({ state: 'visible', ...WAIT });
        await page.waitForLoadState('networkidle', WAIT);
        return {
          meta: await page.locator('meta[name="layover-test-hooks"]').count(),
          hooks: await page.evaluate(() => '__layover' in window),
        };
      };
      expect(await seen(server!.url)).toEqual({ meta: 1, hooks: true });
      expect(await seen(bare.url)).toEqual({ meta: 0, hooks: false });
      await page.close();
    } finally {
      await interrupt(bare.child);
    }
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
