import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Everything is slow under SwiftShader on two cores: wait on conditions, generously. */
export const WAIT = { timeout: 45_000 } as const;

/** Inside the window zone (0, -12.5, radius 6), in the gap between the west and centre sofas. */
export const AT_WINDOW = { x: -4.4, z: -12.4 } as const;
/** Where a second guest waits, a metre from the first: close enough for "wave to another member" (4 m). */
export const BESIDE_WINDOW = { x: -3.6, z: -11.8 } as const;
/** Inside the departures board zone (0, 11.5, radius 3). */
export const AT_BOARD = { x: 0, z: 11 } as const;
/** Back in the middle of the lounge, facing the windows. */
export const OVERLOOK = { x: -1, z: 5.5 } as const;

/** Entering the lounge boots the scene under SwiftShader: the slowest step of all. */
const ENTER_WAIT = { timeout: 90_000 } as const;

/** An avatar as window.__layover.poses() reports it. */
export interface Pose {
  sessionId: string;
  name: string;
  x: number;
  z: number;
}

/** Draw calls and triangles of a scene's last frame. */
export interface RendererInfo {
  calls: number;
  triangles: number;
}

/** The game cabinet a page sits at, as window.__layover.game() reports it. */
export interface GameInfo {
  id: string;
  connection: string;
  phase: string | null;
  round: number;
  turn: number;
}

/** The part of window.__layover (client/core/testHooks.ts) the end-to-end tests use. */
export interface LayoverWindow {
  __layover: {
    getState: () => {
      members: { sessionId: string; status?: string }[];
      member: { id: string; name: string; address: string | null } | null;
      token: string | null;
      vipAccess: boolean;
      passport: { prizes: { prizeId: string; source: string }[] } | null;
    };
    self: () => string | null;
    room: () => string | null;
    poses: () => Pose[];
    walkTo: (x: number, z: number) => Promise<void>;
    renderer: () => RendererInfo | null;
    game: () => GameInfo | null;
    gameRenderer: () => RendererInfo | null;
  };
}

/** localStorage key that keeps the guided arrival (client/lounge/arrival/tourState.ts TOUR_OFF_KEY) from opening. */
const TOUR_OFF_KEY = 'layover.arrival.off';

/** How a test enters: `tour` lets the guided arrival open on a first visit (off by default, so no card is in the way). */
export interface EnterOptions {
  tour?: boolean;
}

/** Opens the lounge at `url`, types `name`, presses `button` and resolves with our sessionId once seated. */
async function enter(
  page: Page,
  url: string,
  name: string,
  button: string,
  options: EnterOptions,
): Promise<string> {
  await page.goto(url);
  await page.evaluate(
    ([key, tour]) =>
      tour ? localStorage.removeItem(key as string) : localStorage.setItem(key as string, '1'),
    [TOUR_OFF_KEY, options.tour ?? false] as const,
  );
  await page.getByTestId('name-input').fill(name);
  if ((await page.locator('meta[name="layover-test-hooks"]').count()) === 0)
    throw new Error('e2e: the page carries no test-hooks meta tag: start the server with TEST_HOOKS=on');
  await page.getByTestId(button).click();
  await page.waitForFunction(
    () => Boolean((window as unknown as LayoverWindow).__layover?.self?.()),
    null,
    ENTER_WAIT,
  );
  return page.evaluate(() => (window as unknown as LayoverWindow).__layover.self() as string);
}

/** Opens the lounge at `url`, enters as a guest called `name`, and resolves with our sessionId once seated. */
export function enterAsGuest(
  page: Page,
  url: string,
  name: string,
  options: EnterOptions = {},
): Promise<string> {
  return enter(page, url, name, 'enter-guest', options);
}

/** Enters with the server's local test wallet (a Gold Pass holder on the dev chain); resolves with our sessionId. */
export function enterWithTestWallet(
  page: Page,
  url: string,
  name: string,
  options: EnterOptions = {},
): Promise<string> {
  return enter(page, url, name, 'enter-test-wallet', options);
}

/** The room the page is seated in ('lounge', 'vip', ...), or null when it is not in one. */
export function roomOf(page: Page): Promise<string | null> {
  return page.evaluate(() => (window as unknown as LayoverWindow).__layover.room());
}

/** Every avatar the page sees, itself included. */
export function posesOf(page: Page): Promise<Pose[]> {
  return page.evaluate(() => (window as unknown as LayoverWindow).__layover.poses());
}

/** Walks as a floor click does and waits until `watcher` (default: the walker) sees the server put us there. */
export async function walkTo(
  page: Page,
  to: { x: number; z: number },
  watcher: Page = page,
  wait: { timeout: number } = WAIT,
): Promise<void> {
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
    wait,
  );
}

/** Waits until a step of First Visit shows as done in the open journal. */
export function stepDone(page: Page, step: string): Promise<void> {
  return page.locator(`[data-testid="step-first-visit-${step}"][data-done="true"]`).waitFor(WAIT);
}

/**
 * Walks the First Visit journey with the journal open: `friend` waits by the windows, `traveller` joins them,
 * waves, then reads the departures board. Resolves once the board has been read (the journey's last step).
 */
export async function finishFirstVisit(traveller: Page, friend: Page): Promise<void> {
  // The HUD's buttons are pressed by keyboard: a mouse click waits for two still frames, which the WebGL lounge of a
  // busy CI machine may not give within the timeout (seen as 'waiting for element to be ... stable').
  await traveller.getByTestId('open-journal').press('Enter');
  await traveller.getByTestId('journey-first-visit').waitFor(WAIT);
  await walkTo(friend, BESIDE_WINDOW, traveller);
  await walkTo(traveller, AT_WINDOW);
  await stepDone(traveller, 'window');
  await traveller.getByTestId('emote-wave').press('Enter');
  await stepDone(traveller, 'wave');
  await walkTo(traveller, AT_BOARD);
  const read = traveller.getByTestId('interact-departures-board');
  await read.waitFor(WAIT);
  await read.press('Enter');
}

/** A screenshot once the pointer is off the HUD and no CSS transition is still running. */
export async function settledScreenshot(
  page: Page,
  dir: string,
  name: string,
  wait: { timeout: number } = WAIT,
): Promise<void> {
  await page.mouse.move(1, 400);
  await page.waitForFunction(
    () => document.getAnimations().every((animation) => !(animation instanceof CSSTransition)),
    null,
    wait,
  );
  await page.screenshot({ path: join(dir, name) });
}

/**
 * Waits until an element with `testId` (holding `text`, if given) is on the page and has a box, or (with `gone`) until
 * none is. Polled on a 250 ms timer: Playwright's locator.waitFor checks visibility on animation frames, which a page
 * that is not the front one (or a starved SwiftShader page) hardly draws, so it can time out on a visible element.
 */
/**
 * Focuses the shown element with `testId` from inside the page and presses `key` on it: unlike a locator's focus or
 * press, nothing waits for the animation frames a starved WebGL page hardly draws.
 */
export async function pressOn(page: Page, testId: string, key = 'Enter'): Promise<void> {
  await page.waitForFunction(
    (id) => {
      const element = Array.from(document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)).find(
        (candidate) => candidate.getClientRects().length > 0,
      );
      element?.focus();
      return element !== undefined && document.activeElement === element;
    },
    testId,
    { polling: 250, timeout: WAIT.timeout },
  );
  await page.keyboard.press(key);
}

/**
 * Makes a folding HUD panel reachable: on a phone or a short window the settings (language, wallet, account, help,
 * leave), the voice panel and the hall's show fold behind the dock's toggles; this presses the panel's toggle when it
 * is shown and closed, then waits for the panel. Opening one folds the chat and the journal, passport and account
 * panels. On a wide screen the panels show anyway and nothing is pressed.
 */
export async function openDockPanel(page: Page, panel: 'settings' | 'voice' | 'event'): Promise<void> {
  // Waits for the HUD first: either the panel shows (a wide screen, or already open) or its toggle does.
  const where = await page.waitForFunction(
    (id) => {
      const root = document.querySelector<HTMLElement>(`[data-dock="${id}"]`);
      if (root && root.getClientRects().length > 0 && getComputedStyle(root).visibility !== 'hidden')
        return 'shown';
      const toggle = document.querySelector<HTMLElement>(`[data-testid="hud-dock-${id}"]`);
      return toggle && toggle.getClientRects().length > 0 ? 'folded' : false;
    },
    panel,
    { polling: 250, timeout: WAIT.timeout },
  );
  const folded = (await where.jsonValue()) === 'folded';
  if (folded) await pressOn(page, `hud-dock-${panel}`);
  await page.waitForFunction(
    (id) => {
      const root = document.querySelector<HTMLElement>(`[data-dock="${id}"]`);
      return Boolean(
        root && root.getClientRects().length > 0 && getComputedStyle(root).visibility !== 'hidden',
      );
    },
    panel,
    { polling: 250, timeout: WAIT.timeout },
  );
}

/** The HUD's settings (language, wallet, account, help, leave), unfolded on a phone: see openDockPanel. */
export const openHudSettings = (page: Page) => openDockPanel(page, 'settings');

export async function shown(
  page: Page,
  testId: string,
  options: { text?: string; gone?: boolean; timeout?: number } = {},
): Promise<void> {
  await page.waitForFunction(
    ({ id, text, gone }) => {
      const found = Array.from(document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)).some(
        (element) =>
          element.getClientRects().length > 0 &&
          (text === undefined || (element.textContent ?? '').includes(text)),
      );
      return gone ? !found : found;
    },
    { id: testId, text: options.text, gone: options.gone ?? false },
    { polling: 250, timeout: options.timeout ?? WAIT.timeout },
  );
}
