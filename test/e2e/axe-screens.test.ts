import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../shared/protocol/routes.ts';
import { type AxeFinding, axeFindings, BEST_PRACTICE, WCAG_21_AA } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { eventStartedNow } from '../support/event-bots.ts';
import { enterAsGuest, type LayoverWindow, pressOn, shown, WAIT, walkTo } from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

// Issue 21's accessibility sweep: axe-core (WCAG 2.1 A/AA) on the WHOLE page of every member and brand screen
// (entry, lounge, journal, passport, arcade menu, a game in play and its results, the event hall, the console), at
// 1280x800, and the lounge, journal and passport again at 390x844, with axe's best-practice rules (landmarks, one h1,
// heading order) besides. No serious or critical finding anywhere; any moderate or minor one must be listed below
// with why it stays.

/**
 * Moderate or minor findings each screen may keep, by axe rule id, each with a one-line reason it stays. Empty: the
 * sweep's first run found aria-allowed-role (the toasts' lists as live regions), region (the scene and the emote bar
 * outside any landmark), landmark-unique (the journal's body named as the journal), landmark-no-duplicate-banner (the
 * arcade menu's header) and page-has-heading-one (the console), and each was fixed rather than allowed.
 */
const ALLOWED: Record<Screen, Record<string, string>> = {
  entry: {},
  lounge: {},
  journal: {},
  passport: {},
  'lounge-phone': {},
  'journal-phone': {},
  'passport-phone': {},
  arcade: {},
  'game-lobby': {},
  game: {},
  'game-results': {},
  hall: {},
  'console-sign-in': {},
  console: {},
};
type Screen =
  | 'entry'
  | 'lounge'
  | 'journal'
  | 'passport'
  | 'lounge-phone'
  | 'journal-phone'
  | 'passport-phone'
  | 'arcade'
  | 'game-lobby'
  | 'game'
  | 'game-results'
  | 'hall'
  | 'console-sign-in'
  | 'console';

/** Inside the arcade zone (16, 10.5, radius 3.5), in front of the cabinets on the east wall. */
const AT_ARCADE = { x: 16, z: 10.5 } as const;
const PHONE = { width: 390, height: 844 } as const;
const DESKTOP = { width: 1280, height: 800 } as const;

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;
let eventId = '';

const started = Date.now();
/** Prints how far the sweep got and when (a slow machine shows where the time goes). */
const step = (what: string) =>
  console.log(`axe-screens: ${what} at ${((Date.now() - started) / 1000).toFixed(1)} s`);

const describeFinding = (finding: AxeFinding) =>
  `${finding.id} (${finding.impact}): ${finding.targets.join(', ')}`;

/** Runs axe on the whole page: nothing serious or critical, and the lesser findings exactly the screen's allowed ones. */
async function sweep(page: Page, screen: Screen): Promise<void> {
  // Colours mid-transition (a button just pressed, a panel sliding in) are no finding: wait until none runs.
  await page.waitForFunction(
    () => document.getAnimations().every((animation) => !(animation instanceof CSSTransition)),
    null,
    { polling: 250, timeout: WAIT.timeout },
  );
  const findings = await axeFindings(page, undefined, [...WCAG_21_AA, ...BEST_PRACTICE]);
  step(`axe on ${screen}`);
  const severe = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
  // Soft: one run reports every screen's findings, not only the first screen's.
  expect.soft(severe.map(describeFinding), `${screen}: serious or critical`).toEqual([]);
  const lesser = findings.filter((f) => !severe.includes(f));
  const allowed = Object.keys(ALLOWED[screen]).sort();
  expect
    .soft(lesser.map((f) => f.id).sort(), `${screen}: ${lesser.map(describeFinding).join('; ')}`)
    .toEqual(allowed);
}

/** A show in the main stage that started a second ago, scheduled by the dev chain's test host. */
async function scheduleShow(url: string): Promise<string> {
  const json = { 'content-type': 'application/json' };
  const signedIn = await fetch(`${url}${routes.testWallet.path}`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ name: 'Mei Lin', host: true }),
  });
  const { token } = (await signedIn.json()) as { token: string };
  const created = await fetch(`${url}${routes.consoleCreateEvent.path}`, {
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${token}` },
    body: JSON.stringify(eventStartedNow('Gate Lights', 'An evening show on the main stage.')),
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/**
 * Plays the plane game's round out: throws whenever a throw is open (a throw not taken ends with its window anyway)
 * until the results show. Polled on a timer: a SwiftShader page hardly draws the frames locator waits need.
 */
async function playRound(page: Page): Promise<void> {
  for (;;) {
    const next = await page
      .waitForFunction(
        () => {
          const shown = (id: string) =>
            Array.from(document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)).some(
              (element) => element.getClientRects().length > 0,
            );
          if (shown('results-score')) return 'results';
          const game = (window as unknown as LayoverWindow).__layover.game();
          const button = document.querySelector<HTMLButtonElement>('[data-testid="plane-throw"]');
          return game?.phase === 'playing' && button !== null && !button.disabled ? 'throw' : false;
        },
        null,
        { polling: 250, timeout: 90_000 },
      )
      .catch(async (error: unknown) => {
        const game = await page.evaluate(() => (window as unknown as LayoverWindow).__layover.game());
        throw new Error(`the plane round stalled: ${JSON.stringify(game)}`, { cause: error });
      });
    if ((await next.jsonValue()) === 'results') return;
    await pressOn(page, 'plane-throw');
    // The press took (the button disables for the flight) or the window closed: either way, look again.
    await page.waitForFunction(
      () => !document.querySelector<HTMLButtonElement>('[data-testid="plane-throw"]:not([disabled])'),
      null,
      { polling: 250, timeout: 30_000 },
    );
  }
}

/** Opens the journal or the passport (closing the other) and waits for it. */
async function openQuestPanel(page: Page, panel: 'journal' | 'passport'): Promise<void> {
  await pressOn(page, `open-${panel}`);
  await shown(page, panel);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-axe-'));
  // Half-speed games: a throw's window stays open long enough on a busy machine.
  server = await spawnLayoverIn(dir, { GAME_TIME_SCALE: '0.5' });
  browser = await launchChromium();
  eventId = await scheduleShow(server.url);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

describe('axe on every screen', () => {
  it('finds nothing serious or critical on member and brand screens, wide and on a phone', {
    timeout: 420_000,
  }, async () => {
    const url = server!.url;
    const page = await browser!.newPage({ viewport: DESKTOP });

    await page.goto(url);
    await shown(page, 'name-input');
    await sweep(page, 'entry');

    await enterAsGuest(page, url, 'Ada');
    await shown(page, 'open-journal');
    await sweep(page, 'lounge');
    await openQuestPanel(page, 'journal');
    await sweep(page, 'journal');
    await openQuestPanel(page, 'passport');
    await sweep(page, 'passport');
    await pressOn(page, 'open-passport');
    await shown(page, 'passport', { gone: true });

    await page.setViewportSize(PHONE);
    await shown(page, 'open-journal');
    await sweep(page, 'lounge-phone');
    await openQuestPanel(page, 'journal');
    await sweep(page, 'journal-phone');
    await openQuestPanel(page, 'passport');
    await sweep(page, 'passport-phone');
    await pressOn(page, 'open-passport');
    await shown(page, 'passport', { gone: true });
    await page.setViewportSize(DESKTOP);

    // The arcade: walk to the cabinets, E opens the menu, then a round of Paper Plane.
    await walkTo(page, AT_ARCADE);
    await shown(page, 'arcade-open');
    await page.keyboard.press('KeyE');
    await shown(page, 'arcade-menu');
    await sweep(page, 'arcade');
    await pressOn(page, 'game-open-plane');
    await shown(page, 'game-ready');
    await sweep(page, 'game-lobby');
    await pressOn(page, 'game-ready');
    await page.waitForFunction(
      () => (window as unknown as LayoverWindow).__layover.game()?.phase === 'playing',
      null,
      { polling: 250, timeout: WAIT.timeout },
    );
    await shown(page, 'plane-throw');
    await sweep(page, 'game');
    await playRound(page);
    await sweep(page, 'game-results');
    await pressOn(page, 'game-back');
    await shown(page, 'game-overlay', { gone: true });

    // The event hall, through the lounge's live-now banner.
    await shown(page, `event-enter-${eventId}`, { timeout: 90_000 });
    await pressOn(page, `event-enter-${eventId}`);
    await shown(page, 'stage-controls');
    await sweep(page, 'hall');

    // The brand console, in its own context: its sign-in screen, then the events page a test host lands on.
    const context = await browser!.newContext({ viewport: DESKTOP });
    const staff = await context.newPage();
    await staff.goto(`${url}${routes.consolePageHtml.path}`);
    await shown(staff, 'console-test-host');
    await sweep(staff, 'console-sign-in');
    await staff.getByTestId('console-name').fill('Mei Lin');
    await pressOn(staff, 'console-test-host');
    await shown(staff, 'console-event-form');
    await sweep(staff, 'console');
    await context.close();
  });
});
