import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { pressOn, settledScreenshot, shown, WAIT } from '../support/lounge-page.ts';

// The compact HUD (issue 21), checked on a page already in the lounge or the hall: at 390x844 the open panels leave
// at least 55% of the height to the scene and overlap neither each other nor the settings bar; at 1024x700 and
// 1280x800 nothing covers the settings bar; the dock's toggles work from the keyboard alone; axe finds nothing.

/** Boxes of the HUD's panels now showing (the emotes, reactions and joystick are edge controls, not panels). */
export interface HudBoxes {
  height: number;
  settings: Box | null;
  panels: (Box & { name: string })[];
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function hudBoxes(page: Page): Promise<HudBoxes> {
  return page.evaluate(() => {
    const box = (element: Element) => {
      const own = element.getBoundingClientRect();
      // What scrolls out of the left column's bounded box is out of sight.
      const column = element.parentElement?.closest('.hud-left')?.getBoundingClientRect();
      const top = column ? Math.max(own.top, column.top) : own.top;
      const bottom = column ? Math.min(own.bottom, column.bottom) : own.bottom;
      const { left, right, width } = own;
      const height = bottom - top;
      // Visually hidden (the brand on a phone: clipped to a pixel, kept for screen readers) covers nothing.
      const clipped = getComputedStyle(element).clip.startsWith('rect');
      return width > 2 && height > 2 && !clipped ? { top, bottom, left, right } : null;
    };
    const named = (selector: string) =>
      Array.from(document.querySelectorAll(selector)).flatMap((element) => {
        const found = box(element);
        const name = element.getAttribute('data-testid') ?? element.className.toString();
        return found ? [{ ...found, name }] : [];
      });
    const settings = document.querySelector('.hud-actions');
    return {
      height: window.innerHeight,
      settings: settings ? box(settings) : null,
      panels: [
        ...named('.hud-top > :not(.hud-actions)'),
        ...named('.hud > .hud-left > [data-dock]'),
        ...named('.hud > .hud-right > [data-dock]'),
        ...named('.hud > .hud-left .live-now'),
        ...named('.hud > .event-column'),
        ...named('.hud > .chat'),
        ...named('.member-notice'),
        ...named('.stage-media'),
      ],
    };
  });
}

const overlap = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The share of the height no panel covers (the union of their rows, the settings bar included). */
export function uncoveredShare({ height, settings, panels }: HudBoxes): number {
  const rows = [...panels, ...(settings ? [settings] : [])]
    .map(({ top, bottom }) => [Math.max(0, top), Math.min(height, bottom)] as const)
    .filter(([top, bottom]) => bottom > top)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = 0;
  for (const [top, bottom] of rows) {
    if (bottom <= reach) continue;
    covered += bottom - Math.max(top, reach);
    reach = bottom;
  }
  return 1 - covered / height;
}

/** Panels over each other or over the settings bar, as "a / b" lines (empty when the layout is clean). */
export function collisions({ settings, panels }: HudBoxes): string[] {
  const found: string[] = [];
  panels.forEach((a, i) => {
    if (settings && overlap(a, settings)) found.push(`${a.name} / settings`);
    for (const b of panels.slice(i + 1)) if (overlap(a, b)) found.push(`${a.name} / ${b.name}`);
  });
  return found;
}

const expanded = (page: Page, testId: string) =>
  page.evaluate(
    (id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('aria-expanded'),
    testId,
  );

/** The dock toggle's panel (through aria-controls) has a box on screen. */
const panelShown = (page: Page, testId: string) =>
  page.evaluate((id) => {
    const controls = document.querySelector(`[data-testid="${id}"]`)?.getAttribute('aria-controls');
    const panel = controls ? document.getElementById(controls) : null;
    return panel !== null && panel.getClientRects().length > 0;
  }, testId);

const focused = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Presses Tab until focus is inside the panel `toggle` controls (at most `max` presses). */
async function tabIntoPanel(page: Page, toggle: string, max = 12): Promise<void> {
  for (let press = 0; press < max; press++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate((id) => {
      const controls = document.querySelector(`[data-testid="${id}"]`)?.getAttribute('aria-controls');
      return controls
        ? (document.getElementById(controls)?.contains(document.activeElement) ?? false)
        : false;
    }, toggle);
    if (inside) return;
  }
  throw new Error(`Tab never reached the panel of ${toggle}`);
}

/** Opens the panel of `toggle` with Enter, tabs into it, closes it with Escape: focus returns to the toggle. */
export async function keyboardOpensAndCloses(page: Page, toggle: string): Promise<void> {
  if ((await expanded(page, toggle)) === 'true') await pressOn(page, toggle);
  await pressOn(page, toggle);
  await expect.poll(() => expanded(page, toggle), WAIT).toBe('true');
  expect(await panelShown(page, toggle)).toBe(true);
  await tabIntoPanel(page, toggle);
  await page.keyboard.press('Escape');
  await expect.poll(() => expanded(page, toggle), WAIT).toBe('false');
  expect(await panelShown(page, toggle)).toBe(false);
  expect(await focused(page)).toBe(toggle);
  // Enter on the focused toggle opens it again.
  await page.keyboard.press('Enter');
  await expect.poll(() => expanded(page, toggle), WAIT).toBe('true');
  expect(await panelShown(page, toggle)).toBe(true);
}

/** At 390x844: each dock panel open in turn leaves >= 55% of the height and collides with nothing; one at a time. */
export async function checkCompactHud(
  page: Page,
  toggles: readonly string[],
  shots: { dir: string; name: string },
): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await shown(page, 'member-count');
  await shown(page, 'hud-dock');
  for (const toggle of toggles) {
    await keyboardOpensAndCloses(page, toggle);
    for (const other of toggles.filter((id) => id !== toggle))
      expect(await expanded(page, other)).toBe('false');
    // The top bar's height reaches --hud-top through a ResizeObserver: a frame or two on a starved page.
    await expect.poll(async () => collisions(await hudBoxes(page)), { ...WAIT, message: toggle }).toEqual([]);
    const boxes = await hudBoxes(page);
    expect(uncoveredShare(boxes), `${toggle}: ${JSON.stringify(boxes)}`).toBeGreaterThanOrEqual(0.55);
    await settledScreenshot(page, shots.dir, `${shots.name}-390x844-${toggle}.png`);
    expect(await axeViolations(page, `[data-dock="${toggle.replace('hud-dock-', '')}"]`)).toEqual([]);
  }
  expect(await axeViolations(page, '.hud-top')).toEqual([]);
  expect(await axeViolations(page, '.hud-dock')).toEqual([]);
}

/** At `width`x`height` (not compact): no dock, and no panel over the settings bar or another panel. */
export async function checkWideHud(
  page: Page,
  size: { width: number; height: number },
  shots: { dir: string; name: string },
): Promise<HudBoxes> {
  await page.setViewportSize(size);
  await shown(page, 'member-count');
  await shown(page, 'hud-dock', { gone: true });
  const name = `${size.width}x${size.height}`;
  await expect.poll(async () => collisions(await hudBoxes(page)), { ...WAIT, message: name }).toEqual([]);
  const boxes = await hudBoxes(page);
  expect(boxes.settings).not.toBeNull();
  await settledScreenshot(page, shots.dir, `${shots.name}-${size.width}x${size.height}.png`);
  return boxes;
}
