import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { PLANE_PHYSICS } from '../../server/domain/games/plane.ts';
import { powerForAirspeed } from '../../server/domain/games/plane-par.ts';
import { launchChromium } from '../support/browser.ts';
import {
  enterAsGuest,
  type LayoverWindow,
  roomOf,
  settledScreenshot,
  walkTo,
} from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const DOCS = join(import.meta.dirname, '../../docs');
/** Inside the arcade zone (16, 10.5, radius 3.5), in front of the cabinets on the east wall. */
const AT_ARCADE = { x: 16, z: 10.5 } as const;
/** Half speed: a 10 s window per throw is plenty for a test, even under SwiftShader on two cores. */
const GAME_TIME_SCALE = '0.5';
const WAIT = { timeout: 60_000 } as const;

// The Node-side SDK client below needs a global WebSocket, which Node 20 lacks.
if (!('WebSocket' in globalThis)) Object.assign(globalThis, { WebSocket });

/** The part of the client store the plane throw reads: this throw's wind. */
interface PlaneWindow {
  __layover: { getState: () => { gameView: { plane: { wind: number } | null } | null } };
}

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;

/** Waits until throw `turn` is open and its button can be pressed. */
async function turnOpen(page: Page, turn: number): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const game = (window as unknown as LayoverWindow).__layover.game();
      return game?.phase === 'playing' && game.turn === want;
    },
    turn,
    WAIT,
  );
  await page.locator('[data-testid="plane-throw"]:not([disabled])').waitFor(WAIT);
}

/**
 * Sets the power with the arrow keys (to zero, then up in steps of 10% and 2%) to the even percent just under what
 * leaves the hand at the top of the glide airspeed in this throw's wind; returns that percent.
 */
async function aimPowerForWind(page: Page, angle: number): Promise<number> {
  const wind = await page.evaluate(
    () => (window as unknown as PlaneWindow).__layover.getState().gameView?.plane?.wind ?? 0,
  );
  const glide = PLANE_PHYSICS.glideAirspeedMps.max - 0.2;
  const target = Math.round(powerForAirspeed(angle, wind, glide) * 100);
  const percent = target - (target % 2);
  for (let i = 0; i < 10; i++) await page.keyboard.press('Shift+ArrowLeft');
  for (let i = 0; i < Math.floor(percent / 10); i++) await page.keyboard.press('Shift+ArrowRight');
  for (let i = 0; i < (percent % 10) / 2; i++) await page.keyboard.press('ArrowRight');
  return percent;
}

/** Waits until the server has flown throw `turn`, and returns its distance as shown. */
async function landed(page: Page, turn: number): Promise<string> {
  const row = page.getByTestId(`plane-throw-${turn}`).locator('strong');
  await expect.poll(() => row.textContent(), WAIT).toMatch(/\d m$/);
  return (await row.textContent()) ?? '';
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-games-'));
  server = await spawnLayoverIn(dir, { GAME_TIME_SCALE });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

describe('arcade in Chromium', () => {
  it('plays a round of Paper Plane from the cabinet and finds it on the leaderboard', {
    timeout: 360_000,
  }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    const selfId = await enterAsGuest(page, server!.url, 'Pilot');

    await walkTo(page, AT_ARCADE, page, WAIT);
    await page.getByTestId('arcade-open').waitFor(WAIT);
    await page.getByTestId('arcade-open').click();
    await page.getByTestId('arcade-menu').waitFor(WAIT);
    await page.getByTestId('game-open-plane').click();

    const overlay = page.getByTestId('game-overlay');
    await expect.poll(() => overlay.getAttribute('data-phase'), WAIT).toBe('lobby');
    await page.getByTestId('leaderboard-daily').waitFor(WAIT);
    await expect(page.getByTestId('leaderboard-daily').textContent()).resolves.toContain('No scores yet');
    await page.getByTestId('game-ready').click();

    // Throw 1: the button, with the default aim. The gold line's distance is this throw's, not a fixed 20 m.
    await turnOpen(page, 0);
    await expect
      .poll(() => page.getByTestId('plane-prize-line').textContent(), WAIT)
      .toMatch(/^Gold line: .*\d m\)$/);
    await page.getByTestId('plane-throw').click();
    // The throw is taken (its button disables for the flight): the screenshot catches the plane on its way.
    await page.locator('[data-testid="plane-throw"][disabled]').waitFor({ state: 'attached', ...WAIT });
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'plane-flight.png') });
    const first = await landed(page, 0);

    // Throw 2: a slingshot drag on the runway (pull back and down, let go).
    await turnOpen(page, 1);
    const canvas = await page.getByTestId('plane-canvas').boundingBox();
    if (!canvas) throw new Error('no plane canvas');
    const from = { x: canvas.x + canvas.width * 0.4, y: canvas.y + canvas.height * 0.4 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x - 150, from.y + 60, { steps: 6 });
    await page.mouse.up();
    const second = await landed(page, 1);

    // Throw 3: the keyboard, a little flatter and as hard as this throw's wind allows (harder would tumble), which
    // makes par and wins the round's prize.
    await turnOpen(page, 2);
    await page.keyboard.press('Shift+ArrowDown');
    const angle = Number(await page.getByTestId('plane-angle').inputValue());
    const power = await aimPowerForWind(page, angle);
    await expect(page.getByTestId('plane-power').inputValue()).resolves.toBe(String(power));
    await page.keyboard.press('Space');
    const third = await landed(page, 2);
    const throws = [first, second, third];
    expect(
      throws.filter((distance) => distance === '0.00 m'),
      `throws: ${throws.join(', ')}`,
    ).toEqual([]);

    const calls = await page.evaluate(
      () => (window as unknown as LayoverWindow).__layover.gameRenderer()?.calls,
    );
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThan(20);

    const results = page.getByTestId('game-results');
    await page.getByTestId('results-score').waitFor(WAIT);
    await expect(page.getByTestId('results-rank').textContent()).resolves.toBe('1 of 1');
    const score = (await page.getByTestId('results-score').textContent()) ?? '';
    const best = [first, second, third].sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))[0];
    expect(score).toBe(best);
    await expect(page.getByTestId('results-all-time-best').textContent()).resolves.toBe(score);
    await expect(results.getAttribute('data-won')).resolves.toBe('true');
    await page.getByTestId('results-prize').waitFor(WAIT);
    // The results say what wins (90% of the best the wind allows, the gold line) and which throw reached its line.
    await expect(page.getByTestId('results-prize-rule').textContent()).resolves.toContain('90%');
    await expect(page.getByTestId('results-par').getAttribute('data-made')).resolves.toBe('true');
    await expect(page.getByTestId('results-par').textContent()).resolves.toMatch(
      /^Throw 3 reached its gold line/,
    );

    const daily = page.getByTestId('leaderboard-daily');
    await expect.poll(() => daily.textContent(), WAIT).toContain('Pilot');
    await expect(daily.textContent()).resolves.toContain(score);
    await page.getByTestId('leaderboard-tab-all').click();
    await expect.poll(() => page.getByTestId('leaderboard-all').textContent(), WAIT).toContain(score);

    // The prize reached the passport through the lounge seat, which stayed while we played.
    await page.waitForFunction(
      () =>
        (window as unknown as LayoverWindow).__layover
          .getState()
          .passport?.prizes.some((prize) => prize.source === 'plane') ?? false,
      null,
      WAIT,
    );
    await expect(page.evaluate(() => (window as unknown as LayoverWindow).__layover.self())).resolves.toBe(
      selfId,
    );

    // Under SwiftShader CSS transitions crawl: wait until none runs, or the shot catches buttons half-styled.
    await settledScreenshot(page, ARTIFACTS, 'plane.png', WAIT);
    await mkdir(DOCS, { recursive: true });
    await copyFile(join(ARTIFACTS, 'plane.png'), join(DOCS, 'games.png'));

    // Play again: enabled whenever the results show. By now the next lobby is open, so it readies at once.
    await page.getByTestId('game-play-again').click();
    await turnOpen(page, 0);
    await expect(
      page.evaluate(() => (window as unknown as LayoverWindow).__layover.game()?.round),
    ).resolves.toBe(2);
    for (const turn of [0, 1, 2]) {
      await turnOpen(page, turn);
      await page.getByTestId('plane-throw').click();
      await landed(page, turn);
    }
    // Pressed while round 2's results still show, it queues us ("Ready for the next round"), and round 3 starts
    // with us as soon as its lobby opens, with no further press.
    await page.waitForFunction(
      () => {
        const game = (window as unknown as LayoverWindow).__layover.game();
        const button = document.querySelector<HTMLButtonElement>('[data-testid="game-play-again"]');
        if (game?.phase !== 'results' || !button || button.disabled) return false;
        const seen = window as unknown as { sawQueued?: string };
        new MutationObserver((_, observer) => {
          const queued = document.querySelector('[data-testid="game-play-again-queued"]');
          if (!queued) return;
          seen.sawQueued = `${button.textContent} | ${queued.textContent}`;
          observer.disconnect();
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
        button.click();
        return true;
      },
      null,
      { polling: 100, timeout: WAIT.timeout },
    );
    await page.waitForFunction(
      () => ((window as unknown as LayoverWindow).__layover.game()?.round ?? 0) >= 3,
      null,
      { polling: 250, timeout: WAIT.timeout },
    );
    await expect(
      page.evaluate(() => (window as unknown as { sawQueued?: string }).sawQueued),
    ).resolves.toMatch(/^Ready for the next round \| You join the next round by yourself as it opens in/);

    await page.getByTestId('game-back').click();
    await overlay.waitFor({ state: 'detached', ...WAIT });
    await expect(roomOf(page)).resolves.toBe('lounge');
    await expect(
      page.evaluate(() => (window as unknown as LayoverWindow).__layover.game()),
    ).resolves.toBeNull();
    await page.getByTestId('arcade-open').waitFor(WAIT);
  });
});

describe('arcade errors in Chromium', () => {
  it('explains, in the member’s language, a seat already taken from elsewhere', {
    timeout: 240_000,
  }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await enterAsGuest(page, server!.url, 'Twin');
    const token = await page.evaluate(() => (window as unknown as LayoverWindow).__layover.getState().token);
    // The same member already sits at the trivia cabinet from another device.
    const elsewhere = await new Client(server!.url).joinOrCreate('trivia', { token });
    try {
      await page.getByLabel('Language').selectOption('vi');
      await walkTo(page, AT_ARCADE, page, WAIT);
      await page.getByTestId('arcade-open').click();
      await page.getByTestId('game-open-trivia').click();
      const error = page.getByTestId('arcade-error');
      await error.waitFor(WAIT);
      await expect(error.textContent()).resolves.toContain(
        'Bạn đang chơi trò này ở một thẻ hoặc thiết bị khác',
      );
      await expect(page.getByTestId('game-overlay').count()).resolves.toBe(0);
      await expect(roomOf(page)).resolves.toBe('lounge');
    } finally {
      await elsewhere.leave(true).catch(() => undefined);
    }
  });
});
