import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventState } from '../../shared/state/EventState.ts';
import { launchChromium } from '../support/browser.ts';
import { enterAsGuest, WAIT } from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;
let hostSeat: Room<unknown, EventState> | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-event-'));
  server = await spawnLayoverIn(dir);
  browser = await launchChromium();
});

afterAll(async () => {
  await hostSeat?.leave().catch(() => undefined);
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

describe('a live event in Chromium', () => {
  it('is scheduled in the console, joined by a member, and its drop claimed', {
    timeout: 300_000,
  }, async () => {
    const url = server!.url;
    const console = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    await console.goto(`${url}/console.html`);
    await console.getByTestId('console-name').fill('Mei Lin');
    await console.getByTestId('console-test-host').click();
    const form = console.getByTestId('console-event-form');
    await form.waitFor(WAIT);
    await console.getByTestId('console-title').fill('Winter Lights Live');
    await console.getByTestId('console-attend').fill('1');
    await console.getByTestId('console-drop-add').click();
    await console.getByTestId('console-drop-id-0').fill('gold-rush');
    await console.getByTestId('console-drop-prize-0').selectOption('lounge-day-pass');
    await console.getByTestId('console-drop-supply-0').fill('5');
    await console.getByTestId('console-drop-window-0').fill('120');
    await console.getByTestId('console-drop-mode-0').selectOption('first');
    await console.getByTestId('console-event-submit').click();
    const row = console
      .locator('tr[data-testid^="console-event-"]')
      .filter({ hasText: 'Winter Lights Live' });
    await row.first().waitFor(WAIT);
    const eventId = (await row.first().getAttribute('data-testid'))?.replace('console-event-', '') ?? '';
    expect(eventId).toMatch(/^[0-9a-f-]{36}$/);
    await mkdir(ARTIFACTS, { recursive: true });
    await console.screenshot({ path: join(ARTIFACTS, 'console-scheduled.png') });

    // The member finds it in the lounge (doors open ten minutes early) and walks into the hall.
    const member = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await enterAsGuest(member, url, 'Linh');
    const enter = member.getByTestId(`event-enter-${eventId}`);
    await enter.waitFor(WAIT);
    await enter.click();
    await member.getByTestId('event-hud').waitFor(WAIT);
    // The HUD shows "Taking your seat…" until the hall's first state patch brings the stage: wait for it.
    await expect
      .poll(() => member.getByTestId('event-title').textContent(), WAIT)
      .toContain('Winter Lights Live');

    // The host, signed in through the console, takes the stage and releases the drop.
    const hostToken = await console.evaluate(() => sessionStorage.getItem('layover.console.token'));
    expect(hostToken).toBeTruthy();
    hostSeat = await new Client(url).joinOrCreate<EventState>('event', { token: hostToken, eventId });
    for (const type of ['eventNotice', 'quests', 'stampEarned', 'prizeWon', 'reaction', 'chat', 'delivery'])
      hostSeat.onMessage(type, () => {});
    hostSeat.send('announce', { text: 'Welcome to Winter Lights!' });
    await expect
      .poll(
        () =>
          member
            .getByTestId('event-announcement')
            .textContent()
            .catch(() => ''),
        WAIT,
      )
      .toContain('Welcome to Winter Lights!');
    hostSeat.send('releaseDrop', { dropId: 'gold-rush' });
    const claim = member.getByTestId('drop-claim');
    await claim.waitFor(WAIT);
    await claim.click();
    const outcome = member.getByTestId('drop-outcome');
    await outcome.waitFor(WAIT);
    await expect.poll(() => outcome.getAttribute('class'), WAIT).toContain('outcome-won');
    await expect.poll(() => outcome.textContent(), WAIT).toContain('Lounge Day Pass');
    await member.screenshot({ path: join(ARTIFACTS, 'event-drop-won.png') });

    // The console's live view counts the member and the claim.
    await console.getByTestId(`console-open-${eventId}`).click();
    await expect.poll(() => console.getByTestId('console-present').textContent(), WAIT).toMatch(/\b2\b/);
    await expect
      .poll(() => console.getByTestId('console-live-drop-gold-rush').textContent(), WAIT)
      .toMatch(/1 \/ 5/);
  });
});
