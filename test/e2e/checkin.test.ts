import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, clientBuildIsStale } from '../../server/client-build.ts';
import { createMember } from '../../server/db/members.ts';
import type { RunningLayover } from '../../server/main.ts';
import { fulfilRedemption } from '../../server/perks/fulfil.ts';
import { perkQrPayload } from '../../shared/protocol/perks.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { axeViolations } from '../support/axe.ts';
import { startTestLayover } from '../support/layover.ts';

/**
 * The console's check-in desk in Chromium, on a real Layover whose perks are issued by fulfilRedemption: a staff
 * member types a code with the keyboard alone and marks it used; a second desk holding the same card gets "already
 * used at <time> by <staff>"; on a 390x844 phone a code is scanned from the (fake) camera showing the perk's QR;
 * each language is screenshot to /tmp/checkin-<locale>.png; axe checks every state.
 */

const WAIT = { timeout: 30_000 } as const;
const PHONE = { width: 390, height: 844 } as const;
let layover: RunningLayover;
let browser: Browser;
let dir: string;
const codes: string[] = [];
let scanned: string;

/** A fresh upgrade-voucher perk of "Mina Tran", issued as a redemption would; its code as members see it. */
async function newPerk(ownerId: string): Promise<string> {
  const issued = await fulfilRedemption(layover.ctx, {
    memberId: ownerId,
    prizeId: 'upgrade-voucher',
    amount: 1,
    key: `checkin-e2e:${randomUUID()}`,
  });
  if (!issued.ok) throw new Error(`fulfilRedemption refused: ${issued.refusal}`);
  return issued.perks[0]!.code;
}

/** A Y4M clip (what Chromium's fake camera plays) of `text` as a black-on-white QR code in a 640x480 frame. */
async function qrClip(text: string, path: string): Promise<void> {
  const [width, height, scale] = [640, 480, 8];
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const luma = Buffer.alloc(width * height, 235);
  const left = Math.floor((width - modules.size * scale) / 2);
  const top = Math.floor((height - modules.size * scale) / 2);
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++)
      if (modules.get(row, col))
        for (let y = 0; y < scale; y++)
          luma.fill(
            16,
            (top + row * scale + y) * width + left + col * scale,
            (top + row * scale + y) * width + left + (col + 1) * scale,
          );
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  await writeFile(path, Buffer.concat([header, frame, frame, frame]));
}

beforeAll(async () => {
  if (clientBuildIsStale()) await buildClient();
  layover = await startTestLayover();
  const owner = await createMember(layover.ctx.ledger.db, { displayName: 'Mina Tran' });
  for (let i = 0; i < 3; i++) codes.push(await newPerk(owner.id));
  scanned = await newPerk(owner.id);
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-checkin-'));
  const clip = join(dir, 'qr.y4m');
  await qrClip(perkQrPayload('layover', scanned.replaceAll('-', '')), clip);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${clip}`,
    ],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await layover?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

/** A console page signed in with a local test host wallet named `name`, on the check-in section. */
async function deskPage(name: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, permissions: ['camera'] });
  const page = await context.newPage();
  await page.goto(`${layover.url}${routes.consolePage.path}`);
  await page.getByTestId('console-name').fill(name);
  await page.getByTestId('console-test-host').click();
  await page.getByTestId('console-nav-checkin').click(WAIT);
  await page.getByTestId('console-checkin').waitFor(WAIT);
  return page;
}

/**
 * How wide the check-in page's content lays out (the main area, not the console's header: its section buttons do
 * not wrap yet, requests-E.md item 3).
 */
const pageWidth = (page: Page) =>
  page.evaluate(() => {
    const main = document.getElementById('main');
    const desk = document.querySelector('.checkin')?.getBoundingClientRect();
    return Math.max(main?.scrollWidth ?? 0, Math.ceil(desk?.right ?? 0));
  });

const testIdOfFocus = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

describe('check-in desk in Chromium', () => {
  it('keyboard only: types a code, marks it used; a second desk holding the card hears it was already used', {
    timeout: 180_000,
  }, async () => {
    const desk = await deskPage('Dana Desk', { width: 1280, height: 800 });
    expect(await axeViolations(desk)).toEqual([]);
    expect(await testIdOfFocus(desk)).toBe('checkin-code');
    const other = await deskPage('Omar Desk', { width: 1280, height: 800 });
    const code = codes[0]!;
    await other.getByTestId('checkin-code').fill(code.toLowerCase());
    await other.getByTestId('checkin-lookup').click();
    await other.getByTestId('checkin-use').waitFor(WAIT);

    await desk.keyboard.type(code.replaceAll('-', ' '));
    await desk.keyboard.press('Enter');
    const card = desk.getByTestId('checkin-perk');
    await card.waitFor(WAIT);
    await expect.poll(() => testIdOfFocus(desk), WAIT).toBe('checkin-use');
    expect(await desk.getByTestId('checkin-perk-owner').textContent()).toBe('Mina Tran');
    expect(await desk.getByTestId('checkin-perk-prize').textContent()).toBe('Seat Upgrade Voucher');
    expect(await axeViolations(desk)).toEqual([]);
    await desk.keyboard.press('Enter');
    await desk.locator('[data-testid="checkin-perk"][data-state="used"]').waitFor(WAIT);
    expect(await desk.getByTestId('checkin-used').textContent()).toMatch(/^Marked as used at /);
    await desk.screenshot({ path: '/tmp/checkin-desktop-used.png' });
    expect(await axeViolations(desk)).toEqual([]);

    await other.getByTestId('checkin-use').click();
    const already = other.getByTestId('checkin-used');
    await already.waitFor(WAIT);
    expect(await already.textContent()).toMatch(/^Already used at .+ by Dana Desk\.$/);
    expect(await already.getAttribute('role')).toBe('alert');

    // The next code, still from the keyboard: Tab to "Next code", Enter, the field has the cursor again.
    await desk.keyboard.press('Tab');
    expect(await testIdOfFocus(desk)).toBe('checkin-next');
    await desk.keyboard.press('Enter');
    expect(await testIdOfFocus(desk)).toBe('checkin-code');
    await desk.keyboard.type('0000 0000 0000 0000');
    await desk.keyboard.press('Enter');
    await desk.getByTestId('checkin-error').filter({ hasText: 'No perk has this code' }).waitFor(WAIT);
    await desk.context().close();
    await other.context().close();
  });

  it('on a 390x844 phone: scans the QR with the camera and marks it used; four languages', {
    timeout: 180_000,
  }, async () => {
    const phone = await deskPage('Pia Phone', PHONE);
    await phone.getByTestId('checkin-scan').click();
    const card = phone.locator('[data-testid="checkin-perk"][data-state="ready"]');
    await card.waitFor(WAIT);
    expect(await phone.getByTestId('checkin-code').inputValue()).toBe(scanned);
    expect(await axeViolations(phone)).toEqual([]);
    await phone.getByTestId('checkin-use').click();
    await phone.locator('[data-testid="checkin-perk"][data-state="used"]').waitFor(WAIT);
    await phone.screenshot({ path: '/tmp/checkin-phone-used.png', fullPage: true });
    expect(await pageWidth(phone)).toBeLessThanOrEqual(PHONE.width);

    const names = {
      en: 'Seat Upgrade Voucher',
      'zh-Hant': '座位升等券',
      'zh-Hans': '座位升舱券',
      vi: 'Phiếu nâng hạng ghế',
    };
    for (const [locale, prize] of Object.entries(names)) {
      await phone.getByTestId('console-language').selectOption(locale);
      await phone.getByTestId('checkin-perk-prize').filter({ hasText: prize }).waitFor(WAIT);
      expect(await phone.evaluate(() => document.documentElement.lang)).toBe(locale);
      expect(await axeViolations(phone)).toEqual([]);
      expect(await pageWidth(phone)).toBeLessThanOrEqual(PHONE.width);
      await phone.screenshot({ path: `/tmp/checkin-${locale}.png`, fullPage: true });
    }
    await phone.context().close();
  });
});
