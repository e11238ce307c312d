import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { enterAsGuest, type LayoverWindow, WAIT } from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-account-'));
  server = await spawnLayoverIn(dir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

describe('"Your data" in Chromium', () => {
  it('lets a guest download their data, erase it and land signed out', { timeout: 180_000 }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await enterAsGuest(page, server!.url, 'Data Owner');
    const token = await page.evaluate(
      () => (window as unknown as LayoverWindow).__layover.getState().token as string,
    );
    expect(token).toBeTruthy();

    // Keyboard: Escape closes the panel and hands focus back to its button.
    const open = page.getByTestId('open-account');
    await open.click();
    await page.getByTestId('account').waitFor({ state: 'visible', ...WAIT });
    await page.keyboard.press('Escape');
    await page.getByTestId('account').waitFor({ state: 'detached', ...WAIT });
    expect(await open.evaluate((button) => button === document.activeElement)).toBe(true);

    await open.click();
    const [download] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.getByTestId('account-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('layover-my-data.json');
    const exported = JSON.parse(await readFile((await download.path()) as string, 'utf8'));
    expect(JSON.stringify(exported)).toContain('Data Owner');

    // Erasing without the tick explains what to do and erases nothing.
    await page.getByTestId('account-erase').click();
    await page.getByText('Tick the confirmation box first').waitFor({ state: 'visible', ...WAIT });
    await page.getByTestId('account-erase-confirm').check();
    await page.getByTestId('account-erase').click();

    const notice = page.getByTestId('erased-notice');
    await notice.waitFor({ state: 'visible', ...WAIT });
    expect(await notice.textContent()).toContain('Your data has been erased from Layover');
    await page.getByTestId('name-input').waitFor({ state: 'visible', ...WAIT });
    expect(await page.getByTestId('name-input').inputValue()).toBe('');
    expect(await page.evaluate(() => (window as unknown as LayoverWindow).__layover.self())).toBeNull();

    const me = await fetch(new URL('/api/members/me', server!.url), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.status).toBe(401);
    await page.close();
  });
});
