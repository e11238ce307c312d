import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AvatarLook, encodeLook } from '../../shared/avatar-look.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import {
  type LayoverWindow,
  openHudSettings,
  pressOn,
  settledScreenshot,
  shown,
  WAIT,
} from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

const DOCS = join(import.meta.dirname, '../../docs');
const POLL = { polling: 250, timeout: WAIT.timeout } as const;

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-avatar-'));
  await mkdir(DOCS, { recursive: true });
  server = await spawnLayoverIn(dir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

/** The look the open editor shows, read from its checked radios. */
function editorLook(page: Page): Promise<AvatarLook> {
  return page.evaluate(() => {
    const checked = (group: string) =>
      document.querySelector<HTMLInputElement>(`[data-testid="avatar-${group}"] input:checked`)?.value ?? '';
    return {
      build: checked('build'),
      skin: Number(checked('skin')),
      outfit: checked('outfit'),
      outfitColour: Number(checked('outfit-colour')),
      accentColour: Number(checked('accent-colour')),
      hair: checked('hair'),
      hairColour: Number(checked('hair-colour')),
      wear: checked('wear') || null,
    } as AvatarLook;
  });
}

/** The data-testid of the focused element, or of the radio group holding it. */
function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return active?.closest('fieldset')?.dataset.testid ?? active?.dataset.testid ?? null;
  });
}

/** Waits until our own avatar, as the room sent it, wears `look`. */
async function seenWearing(page: Page, look: AvatarLook): Promise<void> {
  await page.waitForFunction(
    (encoded) => {
      const hooks = (window as unknown as LayoverWindow).__layover;
      const self = hooks.self();
      const pose = hooks.poses().find((p) => p.sessionId === self) as { look?: string } | undefined;
      return pose?.look === encoded;
    },
    encodeLook(look),
    POLL,
  );
}

/** With focus on the dialog: Tab to each radio group after Random and press ArrowRight in `changed` ones. */
async function chooseByKeyboard(page: Page, changed: readonly string[]): Promise<void> {
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('avatar-random');
  for (const group of ['build', 'skin', 'outfit', 'outfit-colour', 'accent-colour', 'hair', 'hair-colour']) {
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(`avatar-${group}`);
    if (changed.includes(group)) await page.keyboard.press('ArrowRight');
  }
}

/** The open dialog lies inside the viewport and the page itself does not scroll sideways. */
async function fitsViewport(page: Page, width: number, height: number): Promise<void> {
  await page.waitForFunction(
    ([w, h]) => {
      const rect = document.querySelector('[data-testid="avatar-dialog"]')?.getBoundingClientRect();
      return (
        rect !== undefined &&
        rect.left >= 0 &&
        rect.top >= 0 &&
        rect.right <= (w as number) &&
        rect.bottom <= (h as number)
      );
    },
    [width, height] as const,
    POLL,
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

describe('avatar editor in Chromium', () => {
  it('chooses a look at entry and changes it from the account panel, by keyboard alone', {
    timeout: 240_000,
  }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server!.url);
    await page.getByTestId('name-input').fill('Look Chooser');

    // At entry: the optional step, as a modal dialog with focus inside.
    await pressOn(page, 'choose-look');
    await shown(page, 'avatar-dialog');
    expect(await focused(page)).toBe('avatar-dialog');
    await chooseByKeyboard(page, ['build', 'outfit', 'hair']);
    const atEntry = await editorLook(page);
    // Tab stays inside: past Save it wraps to Random, and back.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('avatar-cancel');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('avatar-save');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('avatar-random');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('avatar-save');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await shown(page, 'avatar-dialog', { gone: true });
    // Still on the entry screen: choosing a look does not enter.
    expect(
      await page.evaluate(() => (window as unknown as LayoverWindow).__layover.getState().token),
    ).toBeNull();
    expect(await focused(page)).toBe('choose-look');

    await pressOn(page, 'enter-guest');
    await seenWearing(page, atEntry);

    // Later: Account, Change look; Escape closes and gives focus back.
    await pressOn(page, 'open-account');
    await pressOn(page, 'change-look');
    await shown(page, 'avatar-outfit');
    expect(await editorLook(page)).toEqual(atEntry);
    await shown(page, 'avatar-wear-empty');
    await page.keyboard.press('Escape');
    await shown(page, 'avatar-dialog', { gone: true });
    expect(await focused(page)).toBe('change-look');

    await page.keyboard.press('Enter');
    await shown(page, 'avatar-outfit');
    await chooseByKeyboard(page, ['skin', 'outfit-colour', 'accent-colour', 'hair-colour']);
    const later = await editorLook(page);
    expect(later).not.toEqual(atEntry);
    expect(await axeViolations(page, '[data-testid="avatar-dialog"]')).toEqual([]);
    await settledScreenshot(page, DOCS, 'avatar-editor.png');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('avatar-save');
    await page.keyboard.press('Enter');
    await shown(page, 'avatar-dialog', { gone: true });
    await seenWearing(page, later);
    await page.close();
  });

  it('fits 390x844 and 360x640 phones, scrolling inside, Save in reach', { timeout: 240_000 }, async () => {
    const page = await browser!.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await page.goto(server!.url);
    await page.getByTestId('name-input').fill('Phone Chooser');
    await pressOn(page, 'enter-guest');
    await page.waitForFunction(
      () => Boolean((window as unknown as LayoverWindow).__layover?.self?.()),
      null,
      POLL,
    );
    await openHudSettings(page);
    await pressOn(page, 'open-account');
    await pressOn(page, 'change-look');
    await shown(page, 'avatar-outfit');
    await fitsViewport(page, 390, 844);
    expect(await axeViolations(page, '[data-testid="avatar-dialog"]')).toEqual([]);
    await settledScreenshot(page, DOCS, 'avatar-editor-phone.png');
    await page.setViewportSize({ width: 360, height: 640 });
    await fitsViewport(page, 360, 640);
    // Save stays reachable at the bottom of the scrolled dialog.
    await pressOn(page, 'avatar-hair-none', 'ArrowRight');
    const look = await editorLook(page);
    await pressOn(page, 'avatar-save');
    await shown(page, 'avatar-dialog', { gone: true });
    await seenWearing(page, look);
    await page.close();
  });
});
