import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import {
  AT_BOARD,
  AT_WINDOW,
  BESIDE_WINDOW,
  enterAsGuest,
  type LayoverWindow,
  OVERLOOK,
  settledScreenshot,
  stepDone,
  WAIT,
  walkTo,
} from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const DOCS = join(import.meta.dirname, '../../docs');
let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;

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
    const travellerId = await enterAsGuest(traveller, server!.url, 'Traveller');
    await enterAsGuest(friend, server!.url, 'Friend');

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
    await settledScreenshot(traveller, ARTIFACTS, 'passport.png');
    await mkdir(DOCS, { recursive: true });
    await copyFile(join(ARTIFACTS, 'passport.png'), join(DOCS, 'passport.png'));

    await traveller.getByTestId('open-journal').click();
    await settledScreenshot(traveller, ARTIFACTS, 'journal.png');
    // The journal scrolls by keyboard (its body takes focus) and the emote buttons' names match their visible text.
    expect(await axeViolations(traveller, '[data-testid="journal"]')).toEqual([]);
    expect(await axeViolations(traveller, '.emotes')).toEqual([]);
    // On a phone the panel is a sheet over everything: Escape (or ×) closes it and hands focus back.
    await traveller.setViewportSize({ width: 390, height: 844 });
    await traveller.keyboard.press('Escape');
    await traveller.getByTestId('journal').waitFor({ state: 'detached', ...WAIT });
    await expect(
      traveller.getByTestId('open-journal').evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    await traveller.getByTestId('open-passport').click();
    await expect(traveller.getByTestId('passport').boundingBox()).resolves.toMatchObject({ x: 8 });
    await settledScreenshot(traveller, ARTIFACTS, 'passport-phone.png');
  });
});
