import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { FAKE_MEDIA_FLAGS, launchChromium } from '../support/browser.ts';
import { eventStartedNow, scheduleAsPageHost } from '../support/event-bots.ts';
import { enterAsGuest, type LayoverWindow, shown, WAIT } from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';
import { checkCompactHud, checkWideHud } from './hud-compact.ts';

// The hall's stage in Chromium, host and member each on their own page: a raised hand, the host's invitation, the
// member on stage (muted, then ended), the host going live with the microphone; axe on both sides' stage controls;
// the member's stage card on a phone; the compact HUD (issue 21) in the lounge and the hall at 390x844, and nothing
// over the settings bar at 1024x700 and 1280x800.

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-stage-'));
  server = await spawnLayoverIn(dir);
  // test/support/browser.ts' flags plus Chromium's fake microphone and camera, granted without a prompt.
  browser = await launchChromium([...FAKE_MEDIA_FLAGS]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

/** Signs the page in as a host (the dev chain's test wallet with the host role) and schedules a show starting now. */
async function hostWithEvent(page: Page, url: string): Promise<string> {
  await page.goto(url);
  const eventId = await scheduleAsPageHost(
    page,
    eventStartedNow('Stage Voices', 'A live Q&A with the host on stage.'),
  );
  // The test wallet left its refresh cookie: the reload enters the lounge as the host.
  await page.reload();
  await page.waitForFunction(() => Boolean((window as unknown as LayoverWindow).__layover?.self?.()), null, {
    timeout: 90_000,
  });
  return eventId;
}

async function enterHall(page: Page, eventId: string): Promise<void> {
  const enter = page.getByTestId(`event-enter-${eventId}`);
  // Headless Chromium hides every tab but the front one, and a hidden tab's timers (the events poll) crawl.
  await page.bringToFront();
  // The banner lists the event after the room's first GET /api/events (then every 30 s): slow on a loaded machine.
  await shown(page, `event-enter-${eventId}`, { timeout: 90_000 }).catch(async (error: unknown) => {
    const listed = await page.evaluate(async () => {
      const store = (window as unknown as { __layover: { getState: () => Record<string, unknown> } })
        .__layover;
      const { liveEvents, room, status } = store.getState();
      const visibility = document.visibilityState;
      const answer = await fetch('/api/events').then(async (r) => `${r.status} ${await r.text()}`);
      return JSON.stringify({ liveEvents, room, status, visibility, answer });
    });
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'hall-stage-no-banner.png'), timeout: 120_000 });
    throw new Error(`no way into ${eventId}: ${listed}\n${server?.output().slice(-3000)}`, { cause: error });
  });
  await enter.press('Enter');
  await shown(page, 'stage-controls');
}

const text = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .textContent({ timeout: 1000 })
    .catch(() => '');

/** A screenshot with the pointer off the HUD; two SwiftShader pages on a busy machine need longer than 30 s. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(1, 400);
  await page.screenshot({ path: join(ARTIFACTS, name), timeout: 120_000 });
}

const started = Date.now();
/** Prints how far the test got and when (a slow machine shows where the time goes). */
const step = (what: string) =>
  console.log(`hall-stage: ${what} at ${((Date.now() - started) / 1000).toFixed(1)} s`);

const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('the hall stage in Chromium', () => {
  // About 3 minutes on an idle two-core machine; up to 6 with seven helpers' tests sharing it (load average 20-45).
  it('takes a member from a raised hand to the stage and off it, and puts the host live', {
    timeout: 420_000,
  }, async () => {
    const url = server!.url;
    const host = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const eventId = await hostWithEvent(host, url);
    const member = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await enterAsGuest(member, url, 'Linh');
    const linhId = await member.evaluate(
      () => (window as unknown as LayoverWindow).__layover.getState().member?.id ?? '',
    );
    step('both pages in the lounge');
    // The lounge's HUD: the voice panel clear of the settings bar at 1024x700; at 390x844 the voice and settings
    // panels open and close from the keyboard, one at a time, and leave the lounge in view.
    await mkdir(ARTIFACTS, { recursive: true });
    const loungeShots = { dir: ARTIFACTS, name: 'hud-lounge' };
    const short = await checkWideHud(member, { width: 1024, height: 700 }, loungeShots);
    expect(short.panels.map((panel) => panel.name)).toContain('voice-panel');
    await checkCompactHud(member, ['hud-dock-settings', 'hud-dock-voice', 'hud-dock-map'], loungeShots);
    await checkWideHud(member, { width: 1280, height: 800 }, loungeShots);
    step('compact lounge HUD checked');
    await enterHall(host, eventId);
    step('host in the hall');
    await enterHall(member, eventId);
    step('member in the hall');
    // Hosts land on their panel; its stage section opens with nobody live.
    await host.getByTestId('host-stage').waitFor(WAIT);
    await expect.poll(() => text(member, 'stage-line'), WAIT).toContain('Nobody is live on stage yet.');
    step('host panel and stage line shown');
    expect(await axeViolations(host, '[data-testid=host-stage]')).toEqual([]);
    expect(await axeViolations(member, '[data-testid=stage-controls]')).toEqual([]);

    step('both in the hall, axe clean');
    // Linh raises a hand; the host sees it and invites her.
    await member.getByTestId('stage-raise-hand').press('Enter');
    await member.getByTestId('stage-lower-hand').waitFor(WAIT);
    await host.getByTestId(`host-stage-hand-${linhId}`).waitFor(WAIT);
    await expect.poll(() => text(host, 'stage-hands-count'), WAIT).toContain('1 hand raised');
    await host.getByTestId(`host-stage-invite-${linhId}`).press('Enter');
    await host.getByTestId(`host-stage-invited-${linhId}`).waitFor(WAIT);

    step('hand seen and invited');
    // The invitation takes focus itself (not its Accept button) and passes axe; Escape declines it.
    await member.getByTestId('stage-invitation').waitFor(WAIT);
    await expect.poll(() => focusedTestId(member), WAIT).toBe('stage-invitation');
    expect(await axeViolations(member, '[data-testid=stage-controls]')).toEqual([]);
    await member.keyboard.press('Escape');
    await host.getByTestId(`host-stage-invited-${linhId}`).waitFor({ state: 'detached', ...WAIT });
    await member.getByTestId('stage-invitation').waitFor({ state: 'detached', ...WAIT });

    step('declined with Escape');
    // Invited again, she tabs to Accept: both pages show her on stage, her hand down, focus on Step down.
    await host.getByTestId(`host-stage-invite-${linhId}`).press('Enter');
    await expect.poll(() => focusedTestId(member), WAIT).toBe('stage-invitation');
    await member.keyboard.press('Tab');
    expect(await focusedTestId(member)).toBe('stage-accept');
    await member.keyboard.press('Enter');
    await member.getByTestId('stage-you-on-stage').waitFor(WAIT);
    await host.getByTestId(`host-stage-on-${linhId}`).waitFor(WAIT);
    await expect.poll(() => text(member, 'stage-on'), WAIT).toContain('Linh (you)');
    await expect.poll(() => text(host, 'stage-on'), WAIT).toContain('Linh');
    await host.getByTestId(`host-stage-hand-${linhId}`).waitFor({ state: 'detached', ...WAIT });
    await expect.poll(() => focusedTestId(member), WAIT).toBe('stage-step-down');

    step('on stage on both pages');
    // The host mutes her (she is told), unmutes, then ends her time on stage.
    await host.getByTestId(`host-stage-mute-${linhId}`).press('Enter');
    await member.getByTestId('stage-you-muted').waitFor(WAIT);
    await expect.poll(() => text(host, `host-stage-mute-${linhId}`), WAIT).toBe('Unmute');
    await host.getByTestId(`host-stage-mute-${linhId}`).press('Enter');
    await member.getByTestId('stage-you-muted').waitFor({ state: 'detached', ...WAIT });
    await host.getByTestId(`host-stage-end-${linhId}`).press('Enter');
    await member.getByTestId('stage-raise-hand').waitFor(WAIT);
    await host.getByTestId(`host-stage-on-${linhId}`).waitFor({ state: 'detached', ...WAIT });
    await member.getByTestId('stage-on').waitFor({ state: 'detached', ...WAIT });

    step('muted, unmuted and ended');
    // The host goes live with the microphone only (the default), and ends it.
    await host.getByTestId('host-stage-go-live').press('Enter');
    await expect.poll(() => text(host, 'host-stage-live'), WAIT).toBe('You are live with your microphone.');
    await expect.poll(() => text(member, 'stage-live'), WAIT).toBe('Live: Mei Lin');
    expect(await axeViolations(host, '[data-testid=host-stage]')).toEqual([]);
    expect(await axeViolations(host, '[data-testid=stage-controls]')).toEqual([]);
    await host.getByTestId('host-stage-end-live').press('Enter');
    await expect.poll(() => text(member, 'stage-line'), WAIT).toContain('Nobody is live on stage yet.');
    // One WebGL page less for the phone screenshot on this loaded machine.
    await host.close();

    step('host live seen and ended');
    // On a phone the stage card stays inside the column, clear of the reactions and the chat.
    await member.getByTestId('stage-raise-hand').press('Enter');
    await member.getByTestId('stage-lower-hand').waitFor(WAIT);
    // Phones start with the panels folded (this page opened wide, with the Q&A open): fold it as a phone would.
    await member.getByTestId('event-tab-qa').press('Enter');
    await member.locator('.event-panel').waitFor({ state: 'detached', ...WAIT });
    await member.setViewportSize({ width: 390, height: 844 });
    await mkdir(ARTIFACTS, { recursive: true });
    await screenshot(member, 'hall-stage-phone.png');
    const card = await member.getByTestId('stage-controls').boundingBox();
    const reactions = await member.locator('fieldset.reactions').boundingBox();
    expect(card).not.toBeNull();
    if (card && reactions) expect(card.y + card.height).toBeLessThanOrEqual(reactions.y);
    expect(card!.x).toBeGreaterThanOrEqual(0);
    expect(card!.x + card!.width).toBeLessThanOrEqual(390);

    // The hall's HUD on the phone: the show's column and the settings fold behind the dock, leave the hall in view;
    // at 1024x700 the column stays clear of the settings bar.
    const hallShots = { dir: ARTIFACTS, name: 'hud-hall' };
    await checkCompactHud(member, ['hud-dock-settings', 'hud-dock-event'], hallShots);
    expect(await axeViolations(member, '[data-testid=event-hud]')).toEqual([]);
    await checkWideHud(member, { width: 1024, height: 700 }, hallShots);
    step('compact hall HUD checked');
  });
});
