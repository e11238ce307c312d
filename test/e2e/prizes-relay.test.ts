import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MailCatcher, startMailCatcher } from '../../server/mail/catcher.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { type LayoverWindow, openHudSettings, WAIT } from '../support/lounge-page.ts';
import { devPartnerSecret, partnerFetch } from '../support/partner.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

/**
 * The Prizes tab without a wallet or gas, in Chromium: members who signed in by email (a lasting identity, no wallet)
 * get a Lounge Day Pass held for them, redeem it from the tab and see its code, QR and state in My perks; another
 * member's gift link, opened in a second browser, is claimed into the first member's account. Phone-sized, keyboard
 * where it matters, axe on the tab and the claim card, one screenshot per language.
 */
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const PHONE = { width: 390, height: 844 } as const;
const DAY_PASS = 'lounge-day-pass';
const HELD = `holding-${DAY_PASS}-held`;

let dir: string;
let smtp: MailCatcher | undefined;
let server: StartedServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-prizes-relay-'));
  smtp = await startMailCatcher();
  server = await spawnLayoverIn(dir, { SMTP_URL: smtp.url });
  browser = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await smtp?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Signs in on the entry screen with an emailed code (a new lasting member called `name`); resolves once seated. */
async function signInByEmail(page: Page, email: string, name: string, url = server!.url): Promise<void> {
  await page.goto(url);
  await page.getByTestId('name-input').fill(name);
  await page.getByTestId('signin-email').click();
  await page.getByTestId('email-input').fill(email);
  const since = Date.now();
  await page.getByTestId('email-send').click();
  await page.getByTestId('code-input').waitFor({ state: 'visible', ...WAIT });
  const mail = await smtp!.next((message) => message.to.includes(email) && message.receivedAt >= since);
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1] ?? '';
  await page.getByTestId('code-input').fill(code);
  await page.getByTestId('code-verify').click();
  await page.waitForFunction(
    () => Boolean((window as unknown as LayoverWindow).__layover?.self?.()),
    null,
    WAIT,
  );
}

async function api<T>(
  path: string,
  token: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(`${server!.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Earns 900 points at Harbor Coffee (signed partner call) and buys the Lounge Day Pass, as the Rewards tab would. */
async function buyDayPass(page: Page): Promise<void> {
  const token = await page.evaluate(
    () => (window as unknown as LayoverWindow).__layover.getState().token ?? '',
  );
  const { memberNumber } = await api<{ memberNumber: string }>(routes.pointsSummary.path, token);
  const earned = await partnerFetch(server!.url, {
    partnerId: 'harbor-coffee',
    secret: devPartnerSecret('harbor-coffee'),
    method: 'POST',
    path: '/api/partners/v1/activities',
    idempotencyKey: `e2e-prizes-${memberNumber}`,
    body: {
      type: 'purchase',
      member: { memberNumber },
      units: 9000,
      occurredAt: new Date().toISOString(),
      description: 'Breakfast for the team',
    },
  });
  expect(earned.status).toBeLessThan(300);
  await api(routes.pointsPurchase.path, token, {
    method: 'POST',
    body: { itemId: DAY_PASS, purchaseId: randomUUID() },
  });
}

async function openPrizes(page: Page): Promise<void> {
  await page.getByTestId('open-passport').click();
  await page.getByTestId('passport-tab-prizes').click();
}

/** Waits until no CSS transition runs (a fading panel reads as low contrast to axe). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.getAnimations().every((animation) => !(animation instanceof CSSTransition)),
    null,
    WAIT,
  );
}

describe('Prizes tab without a wallet, in Chromium', () => {
  it('a member without a wallet redeems a held prize and sees its code, QR and state; a gift link is claimed', {
    timeout: 400_000,
  }, async () => {
    const stamp = Date.now();
    const member = await browser!.newPage({ viewport: PHONE });
    await signInByEmail(member, `mei-${stamp}@example.test`, 'Mei');
    await buyDayPass(member);
    await openPrizes(member);

    // Held by Layover for her: no wallet, no gas; the Gold Pass-style note is not shown for a redeemable prize.
    const card = member.getByTestId(HELD);
    await card.waitFor(WAIT);
    await expect(member.getByTestId(`${HELD}-where`).textContent()).resolves.toContain(
      'Held by Layover for you',
    );
    await settled(member);
    expect(await axeViolations(member, '[data-testid="passport"]')).toEqual([]);

    // Keyboard only: focus Redeem, press Enter, confirm with Enter (the confirmation takes the focus).
    await member.getByTestId(`${HELD}-redeem`).focus();
    await member.keyboard.press('Enter');
    await expect
      .poll(() => member.evaluate(() => document.activeElement?.getAttribute('data-testid')), WAIT)
      .toBe(`${HELD}-redeem-confirm`);
    await member.keyboard.press('Enter');
    await member.getByTestId(`${HELD}-outcome`).waitFor(WAIT);
    await expect(member.getByTestId(`${HELD}-outcome`).textContent()).resolves.toContain('Redeemed');

    // My perks: ready, the code in four groups, a QR that carries the code, and until when VIP is open.
    const perk = member.locator(`[data-prize="${DAY_PASS}"]`).first();
    await perk.waitFor(WAIT);
    await expect(perk.getAttribute('data-state')).resolves.toBe('ready');
    const perkId = (await perk.getAttribute('data-testid'))?.replace(/^perk-/, '') ?? '';
    const code = (await member.getByTestId(`perk-code-${perkId}`).textContent())?.trim() ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const qr = member.getByTestId(`perk-qr-${perkId}`);
    await qr.waitFor(WAIT);
    await expect(qr.getAttribute('data-payload')).resolves.toContain(code.replaceAll('-', ''));
    await expect(qr.locator('path').getAttribute('d')).resolves.toMatch(/^M\d/);
    await expect(member.getByTestId(`perk-when-${perkId}`).textContent()).resolves.toContain('VIP lounge');
    await settled(member);
    expect(await axeViolations(member, '[data-testid="passport"]')).toEqual([]);
    await perk.scrollIntoViewIfNeeded();
    await member.screenshot({ path: join(ARTIFACTS, 'prizes-perk-en.png') });

    // The same tab in the other languages, at phone size: no English left in the perk's state or the where line.
    const words = {
      'zh-Hant': ['可使用', '由 Layover 為你保管'],
      'zh-Hans': ['可使用', '由 Layover 为你保管'],
      vi: ['Sẵn sàng', 'Layover đang giữ cho bạn'],
    } as const;
    // On a phone the language switcher sits in the HUD's settings (folded behind the dock's toggle; opening them
    // closes the passport), so each language is chosen there and the passport opened again.
    const chooseLanguage = async (locale: string) => {
      await openHudSettings(member);
      await member.locator('.hud-actions select').selectOption(locale);
    };
    for (const [locale, [ready]] of Object.entries(words)) {
      await chooseLanguage(locale);
      await openPrizes(member);
      await expect.poll(() => member.getByTestId(`perk-state-${perkId}`).textContent(), WAIT).toBe(ready);
      await settled(member);
      await member.screenshot({ path: join(ARTIFACTS, `prizes-perk-${locale}.png`) });
    }
    await chooseLanguage('en');

    // A second member makes a gift link of their own Day Pass.
    const giver = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await signInByEmail(giver, `linh-${stamp}@example.test`, 'Linh');
    await buyDayPass(giver);
    await openPrizes(giver);
    await giver.getByTestId(`${HELD}-gift`).click();
    await giver.getByTestId(`${HELD}-gift-choice-link`).click();
    const link = giver.getByTestId(`${HELD}-link`);
    await link.waitFor(WAIT);
    const url = (await link.getAttribute('data-url')) ?? '';
    expect(url).toMatch(/\/\?claim=[A-Za-z0-9_-]{32,64}$/);

    // The giver opening their own link (a reload keeps them signed in) is told so, and nothing moves.
    await giver.goto(url);
    const own = giver.getByTestId('claim-link');
    await expect.poll(() => own.getAttribute('data-state'), WAIT).toBe('open');
    expect(giver.url()).not.toContain('claim=');
    await giver.getByTestId('claim-accept').click();
    await expect.poll(() => own.getAttribute('data-state'), WAIT).toBe('claimOwn');
    await expect(giver.getByTestId('claim-problem').textContent()).resolves.toContain('your own gift link');

    // Mei opens it in a fresh browser: the card asks her to sign in first, then claims into her account.
    const friendContext = await browser!.newContext({ viewport: PHONE });
    const friend = await friendContext.newPage();
    await friend.goto(url);
    const claim = friend.getByTestId('claim-link');
    await expect.poll(() => claim.getAttribute('data-state'), WAIT).toBe('signIn');
    await settled(friend);
    expect(await axeViolations(friend, '[data-testid="claim-link"]')).toEqual([]);
    await friend.screenshot({ path: join(ARTIFACTS, 'claim-sign-in.png') });
    await signInByEmail(friend, `mei-${stamp}@example.test`, 'Mei', `${server!.url}/`);
    await expect.poll(() => claim.getAttribute('data-state'), WAIT).toBe('open');
    await settled(friend);
    expect(await axeViolations(friend, '[data-testid="claim-link"]')).toEqual([]);
    await friend.screenshot({ path: join(ARTIFACTS, 'claim-open.png') });
    await friend.getByTestId('claim-accept').click();
    await friend.getByTestId('claim-done').waitFor(WAIT);
    await expect(claim.getAttribute('data-state')).resolves.toBe('claimed');

    // Now it is hers, held for her; the link is used: opening it again says so.
    await friend.getByTestId('claim-close').click();
    await openPrizes(friend);
    await friend.getByTestId(HELD).waitFor(WAIT);
    await giver.goto(url);
    await expect.poll(() => own.getAttribute('data-state'), WAIT).toBe('claimUsed');
    await friendContext.close();
  });
});
