import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { makePng } from '../support/brand-png.ts';
import { enterAsGuest, settledScreenshot, shown, walkTo } from '../support/lounge-page.ts';
import { type StaffConsole, startStaffConsole } from '../support/staff-console.ts';

/**
 * The brand kit end to end in Chromium: a content editor (STAFF_EMAILS, email code) opens Brand, sees a faint text
 * colour refused beside its field, uploads a logo (a text file is refused), changes the primary colour and the
 * English welcome, and publishes; a member's lounge, reloaded, shows the new welcome, the brand name and logo, and
 * --brand-primary computed on :root. The bar's sign gets a Traditional Chinese text: a member reading zh-Hant sees it
 * on the 3D sign (drawn with the browser's fonts), an English one keeps the kit's English. axe checks the page;
 * screenshots go to /tmp/brand-kit-*.png.
 */

const EDITOR = 'brand.editor@brand.example';
const WAIT = { timeout: 60_000 } as const;
const WELCOME = 'Welcome aboard Orbit Air, traveller';
const BAR_ZH_HANT = '星空酒廊';
/** South of the bar: the follow camera, looking north, sees the sign hung over the counter's end. */
const AT_BAR = { x: -13, z: 11.5 };

/** The scene's signs as window.__layover.signs() reports them (client/core/scene/drawnSigns.ts). */
interface SignsWindow {
  __layover?: { signs?: () => Record<string, { text: string; fontPx: number }> };
}

/** Waits, on a timer, until the scene's sign for `place` has drawn `text`. */
const signSays = (page: Page, place: string, text: string) =>
  page.waitForFunction(
    ([name, expected]) => (window as unknown as SignsWindow).__layover?.signs?.()[name]?.text === expected,
    [place, text] as const,
    { polling: 250, timeout: 60_000 },
  );

let staff: StaffConsole | undefined;

beforeAll(async () => {
  staff = await startStaffConsole(EDITOR, 'content');
}, 300_000);

afterAll(async () => {
  await staff?.stop();
});

const signIn = (page: Page) => staff!.signIn(page);

/** Waits, on a timer, until the root's custom property reads `value`: the kit applies once GET /api/brand answers. */
const rootPropertyBecomes = (page: Page, name: string, value: string) =>
  page.waitForFunction(
    ([property, expected]) =>
      getComputedStyle(document.documentElement).getPropertyValue(property).trim() === expected,
    [name, value] as const,
    { polling: 250, timeout: 60_000 },
  );

describe('brand kit', () => {
  it('an editor changes the primary colour and welcome text; a member sees them after a reload', {
    timeout: 300_000,
  }, async () => {
    const url = staff!.server.url;
    const member = await staff!.open({ viewport: { width: 1280, height: 800 } });
    await member.goto(url);
    await shown(member, 'brand-welcome', { text: 'Welcome to the Layover Lounge' });
    await rootPropertyBecomes(member, '--brand-primary', '#c9a15a');

    const console = await staff!.open({ viewport: { width: 1280, height: 900 } });
    await signIn(console);
    await console.getByTestId('console-nav-brand').click();
    await shown(console, 'brand-colour-primary');
    expect(await axeViolations(console)).toEqual([]);

    // Too faint a text colour is refused beside its field, in the operator's language, before anything is sent.
    await console.getByTestId('brand-colour-text').fill('#dddddd');
    await shown(console, 'brand-field-error', { text: 'needs at least 4.5:1' });
    await console.getByTestId('brand-colour-text').fill('#1f2328');
    await shown(console, 'brand-field-error', { gone: true });

    // Uploads: a text file is refused with its reason; a PNG shows as the logo's preview.
    const notImage = join(staff!.dir, 'logo.png');
    await writeFile(notImage, 'this is not a picture');
    await console.getByTestId('brand-logo-file').setInputFiles(notImage);
    await shown(console, 'brand-logo-error', { text: 'not a PNG, JPEG or WebP' });
    const logo = join(staff!.dir, 'real-logo.png');
    await writeFile(logo, makePng(120, 40, [224, 176, 255]));
    await console.getByTestId('brand-logo-file').setInputFiles(logo);
    await shown(console, 'brand-logo-preview');

    await console.getByTestId('brand-colour-primary').fill('#e0b0ff');
    await console.getByTestId('brand-welcome-en').fill(WELCOME);
    await console.getByTestId('brand-name-input').fill('Orbit Air Lounge');
    await console.getByTestId('brand-signage.bar-zh-Hant').fill(BAR_ZH_HANT);
    await console.screenshot({ path: '/tmp/brand-kit-console.png', fullPage: true });
    await console.getByTestId('brand-publish').click();
    await shown(console, 'brand-status', { text: 'Published version 1' });
    expect(await axeViolations(console)).toEqual([]);
    await console.setViewportSize({ width: 390, height: 844 });
    await console.screenshot({ path: '/tmp/brand-kit-console-phone.png', fullPage: true });

    await member.reload();
    await shown(member, 'brand-welcome', { text: WELCOME });
    await shown(member, 'brand-name', { text: 'Orbit Air Lounge' });
    await rootPropertyBecomes(member, '--brand-primary', '#e0b0ff');
    const enterButton = await member
      .getByTestId('enter-guest')
      .evaluate((button) => getComputedStyle(button).backgroundImage);
    expect(enterButton).toContain('224, 176, 255');
    await member.waitForFunction(
      () => document.querySelector<HTMLImageElement>('.entry-brand-logo')?.naturalWidth === 120,
      null,
      { polling: 250, timeout: WAIT.timeout },
    );
    await member.screenshot({ path: '/tmp/brand-kit-member.png' });

    // Seated in the lounge, the top bar carries the brand's name and logo.
    await enterAsGuest(member, url, 'Mia');
    await shown(member, 'hud-brand-name', { text: 'Orbit Air Lounge' });
    expect(await member.locator('.hud-brand-logo').count()).toBe(1);
    await signSays(member, 'bar', 'BAR');

    // A member whose browser reads Traditional Chinese sees the bar's sign in it, drawn in Han characters.
    const reader = await staff!.open({ viewport: { width: 1280, height: 800 }, locale: 'zh-TW' });
    await enterAsGuest(reader, url, 'Wen');
    await signSays(reader, 'bar', BAR_ZH_HANT);
    await signSays(reader, 'stage', '舞台');
    const drawn = await reader.evaluate(() => (window as unknown as SignsWindow).__layover?.signs?.().bar);
    expect(drawn?.fontPx).toBeGreaterThan(20);
    await walkTo(reader, AT_BAR);
    await settledScreenshot(reader, '/tmp', 'brand-kit-bar-zh-Hant.png');
  });
});
