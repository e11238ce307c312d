import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { FAKE_MEDIA_FLAGS, launchChromium } from '../support/browser.ts';
import { enterAsGuest, pressOn, shown, WAIT } from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-voice-'));
  server = await spawnLayoverIn(dir);
  // test/support/browser.ts' flags plus Chromium's fake microphone (a beep) granted without a prompt.
  browser = await launchChromium([...FAKE_MEDIA_FLAGS]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

async function joinVoice(page: Page): Promise<void> {
  await page.getByTestId('voice-join').press('Enter');
  await page.getByTestId('voice-leave').waitFor(WAIT);
}

describe('lounge voice in Chromium', () => {
  it('lets two guests join voice and find each other within earshot; the panel passes axe', {
    timeout: 240_000,
  }, async () => {
    const alice = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    const bob = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await enterAsGuest(alice, server!.url, 'Alice');
    await enterAsGuest(bob, server!.url, 'Bob');
    await joinVoice(alice);
    await joinVoice(bob);
    // Both stand where newcomers arrive (within 6 m): the server puts each in the other's earshot.
    await bob.locator('.voice-nearby li', { hasText: 'Alice' }).waitFor(WAIT);
    await alice.locator('.voice-nearby li', { hasText: 'Bob' }).waitFor(WAIT);
    expect(await axeViolations(bob, '[data-testid=voice-panel]')).toEqual([]);
    await bob.getByTestId('voice-leave').press('Enter');
    await alice.getByText('Nobody near you is in voice chat.').waitFor(WAIT);
  });

  it('says in the member’s words that the microphone was blocked, and the lounge goes on', {
    timeout: 120_000,
  }, async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    const carol = await context.newPage();
    await enterAsGuest(carol, server!.url, 'Carol');
    // Waits poll on a timer: a starved WebGL page hardly draws the frames Playwright's actionability checks wait for
    // (this press timed out at 30 s in CI while the button was there, and so did a locator's focus).
    await shown(carol, 'voice-join', { timeout: 60_000 });
    await pressOn(carol, 'voice-join');
    await shown(carol, 'voice-panel', { text: 'Your browser blocked the microphone.', timeout: 60_000 });
    const joinEnabled = await carol.evaluate(
      () => !(document.querySelector('[data-testid="voice-join"]') as HTMLButtonElement | null)?.disabled,
    );
    expect(joinEnabled).toBe(true);
    await context.close();
  });
});
