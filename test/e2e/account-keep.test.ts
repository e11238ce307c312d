import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../shared/protocol/routes.ts';
import type { CredentialsResponse } from '../../shared/protocol/sign-in.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { enterAsGuest, type LayoverWindow, openHudSettings, pressOn, WAIT } from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-account-keep-'));
  // A local dev chain without SMTP_URL: codes land in the dev mailbox, which this test reads like a member would.
  server = await spawnLayoverIn(dir, { SMTP_URL: undefined });
  browser = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

interface MailboxMessage {
  to: string[];
  subject: string;
  receivedAt: number;
  text: string;
}

/**
 * The newest 6-digit code the dev mailbox holds for `email` received from `since` on, waiting (on the mailbox, not a
 * clock) until one lands.
 */
async function codeFor(email: string, since = 0): Promise<string> {
  const deadline = Date.now() + WAIT.timeout;
  while (Date.now() < deadline) {
    const answer = await fetch(new URL(routes.devMailboxMessages.path, server!.url));
    expect(answer.status).toBe(200);
    const { messages } = (await answer.json()) as { messages: MailboxMessage[] };
    const code = messages
      .find((message) => message.to.includes(email) && message.receivedAt >= since)
      ?.text.match(/\b(\d{6})\b/)?.[1];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no code reached the dev mailbox for ${email}`);
}

function tokenOf(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as LayoverWindow).__layover.getState().token as string);
}

/**
 * What axe's critical rules would catch in the open panel: every control has a name, every aria reference points at
 * an element, no id is used twice, and headings go down from the panel's h2 to its sections' h3s.
 */
async function accessibilityProblems(page: Page): Promise<string[]> {
  return page.getByTestId('account').evaluate((panel) => {
    const problems: string[] = [];
    const nameOf = (element: Element): string => {
      const labelled = element.getAttribute('aria-labelledby');
      if (labelled)
        return labelled
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
          .trim();
      const aria = element.getAttribute('aria-label');
      if (aria) return aria.trim();
      if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement)
        return [...(element.labels ?? [])]
          .map((label) => label.textContent ?? '')
          .join(' ')
          .trim();
      return (element.textContent ?? '').trim();
    };
    for (const control of panel.querySelectorAll('button, input, select, textarea, a[href]'))
      if (!nameOf(control)) problems.push(`no accessible name: ${control.outerHTML.slice(0, 120)}`);
    for (const section of panel.querySelectorAll('section'))
      if (!nameOf(section)) problems.push(`section without a name: ${section.outerHTML.slice(0, 120)}`);
    for (const element of panel.querySelectorAll('[aria-describedby], [aria-labelledby], [aria-controls]'))
      for (const attribute of ['aria-describedby', 'aria-labelledby', 'aria-controls'])
        for (const id of (element.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean))
          if (!document.getElementById(id)) problems.push(`${attribute} points at a missing #${id}`);
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    for (const id of new Set(ids))
      if (ids.filter((other) => other === id).length > 1) problems.push(`id #${id} twice`);
    const levels = [...panel.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
    levels.forEach((level, index) => {
      if (index > 0 && level > (levels[index - 1] ?? 0) + 1) problems.push(`heading jumps to h${level}`);
    });
    return problems;
  });
}

/** On a wide screen the panel starts below the settings bar, however the bar wraps in this language. */
async function belowTheSettings(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const panel = document.querySelector('[data-testid="account"]')?.getBoundingClientRect();
      const settings = document.querySelector('.hud-actions')?.getBoundingClientRect();
      return panel !== undefined && settings !== undefined && panel.top >= settings.bottom;
    },
    null,
    WAIT,
  );
}

/** The errors the panel shows right now (each section has one alert line, empty when all is well). */
function panelErrors(page: Page): Promise<string[]> {
  return page
    .getByTestId('account')
    .locator('.account-error')
    .evaluateAll((lines) => lines.map((line) => line.textContent ?? '').filter(Boolean));
}

/** The panel fits the viewport and its body scrolls to its last control. */
async function fitsAndScrolls(page: Page): Promise<void> {
  const viewport = page.viewportSize()!;
  const box = (await page.getByTestId('account').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  // Nothing inside is wider than the panel (no sideways scrolling on a phone).
  const overflow = await page
    .getByTestId('account')
    .locator('.quest-panel-body')
    .evaluate((body) => body.scrollWidth - body.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  const last = page.getByTestId('account-erase');
  await last.scrollIntoViewIfNeeded();
  const lastBox = (await last.boundingBox())!;
  expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(viewport.height);
}

describe('Keeping the account from the account panel in Chromium', () => {
  it('lets a guest add an email, see it and this device, choose marketing emails, and keep the account', {
    timeout: 300_000,
  }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await enterAsGuest(page, server!.url, 'Keeper');
    await page.getByTestId('open-account').click();
    const keep = page.getByTestId('keep-account');
    await keep.waitFor({ state: 'visible', ...WAIT });
    await page.waitForSelector('[data-testid="keep-account"][data-state="guest"]', WAIT);
    await page
      .getByTestId('device-item')
      .first()
      .waitFor({ state: 'visible', ...WAIT });
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await axeViolations(page, '[data-testid="account"]')).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'account-keep-guest.png') });

    // A wrong email is explained, translated, before anything is sent.
    await page.getByTestId('add-email').click();
    const emailInput = page.getByTestId('keep-email-input');
    expect(await emailInput.evaluate((input) => input === document.activeElement)).toBe(true);
    await emailInput.fill('not an email');
    await page.getByTestId('keep-email-send').click();
    await page.getByText('Enter a valid email address').waitFor({ state: 'visible', ...WAIT });

    const email = `keeper-${Date.now()}@example.com`;
    await emailInput.fill(email);
    await page.getByTestId('keep-email-send').click();
    const codeInput = page.getByTestId('keep-code-input');
    await codeInput.waitFor({ state: 'visible', ...WAIT });
    expect(await codeInput.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await axeViolations(page, '[data-testid="account"]')).toEqual([]);
    await codeInput.fill(await codeFor(email));
    await page.getByTestId('keep-code-verify').click();

    // Kept: the prompt changes, the email is a sign-in method, this browser is "This device".
    await page.waitForSelector('[data-testid="keep-account"][data-state="kept"]', WAIT);
    await page
      .getByText('Email added')
      .first()
      .waitFor({ state: 'visible', ...WAIT });
    const item = page.getByTestId('credential-item');
    await item.first().waitFor({ state: 'visible', ...WAIT });
    expect(await item.count()).toBe(1);
    expect(await item.first().textContent()).toContain('@example.com');
    const current = page.getByTestId('device-item').filter({ has: page.getByTestId('device-current') });
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toMatch(/Last seen .*20\d\d/);
    expect(await panelErrors(page)).toEqual([]);

    // Marketing emails: off by default, on with its date, and the server agrees.
    const consent = page.getByTestId('marketing-consent');
    expect(await consent.isChecked()).toBe(false);
    await consent.check();
    await page.getByText(/On since/).waitFor({ state: 'visible', ...WAIT });
    const mine = await fetch(new URL(routes.myCredentials.path, server!.url), {
      headers: { authorization: `Bearer ${await tokenOf(page)}` },
    });
    const credentials = (await mine.json()) as CredentialsResponse;
    expect(credentials.marketingConsent.granted).toBe(true);
    expect(credentials.credentials.map((c) => c.kind)).toEqual(['email']);

    // The same member signs in by email on a second device (over HTTP: in the lounge it would take this seat); this
    // panel then lists that device and signs it out.
    const post = (path: string, body: unknown) =>
      fetch(new URL(path, server!.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: new URL(server!.url).origin },
        body: JSON.stringify(body),
      });
    const sentAt = Date.now();
    expect((await post(routes.emailStart.path, { email })).ok).toBe(true);
    const signedIn = await post(routes.emailVerify.path, { email, code: await codeFor(email, sentAt) });
    expect(signedIn.status).toBe(200);
    const secondToken = ((await signedIn.json()) as { token: string }).token;
    // Closing and opening the panel reads the lists again; the consent box kept the keyboard focus inside the panel.
    expect(await consent.evaluate((box) => box === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('account').waitFor({ state: 'detached', ...WAIT });
    await page.getByTestId('open-account').click();
    await page
      .getByTestId('device-item')
      .nth(1)
      .waitFor({ state: 'visible', ...WAIT });
    expect(await page.getByTestId('device-item').count()).toBe(2);
    expect(await page.getByTestId('device-signout').count()).toBe(1);
    await page.getByTestId('device-signout').click();
    await page.getByTestId('device-signout-confirm').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="device-item"]').length === 1,
      null,
      WAIT,
    );
    await page
      .getByText('is signed out')
      .first()
      .waitFor({ state: 'visible', ...WAIT });
    expect(await page.getByTestId('device-current').count()).toBe(1);
    const ended = await fetch(new URL(routes.me.path, server!.url), {
      headers: { authorization: `Bearer ${secondToken}` },
    });
    expect(ended.status).toBe(401);

    // The confirm step: Escape goes back to the button and leaves the panel open.
    const remove = page.getByTestId('credential-remove');
    await remove.click();
    await page.getByTestId('credential-remove-confirm').waitFor({ state: 'visible', ...WAIT });
    await page.keyboard.press('Escape');
    await remove.waitFor({ state: 'visible', ...WAIT });
    expect(await remove.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await page.getByTestId('account').isVisible()).toBe(true);
    // The only way to sign in cannot go: the server's refusal is shown translated, nothing changes.
    await remove.click();
    await page.getByTestId('credential-remove-confirm').click();
    await page.getByText('This is your only way to sign in').waitFor({ state: 'visible', ...WAIT });
    expect(await page.getByTestId('credential-item').count()).toBe(1);
    expect(await panelErrors(page)).toEqual([
      'This is your only way to sign in, so it cannot be removed. Add another one first.',
    ]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'account-keep-kept.png') });

    // The panel in Traditional Chinese and Vietnamese (the language switcher also sets the emails' language).
    const language = page.locator('.hud-actions select');
    const emailLanguage = (locale: string) =>
      page.waitForRequest(
        (request) =>
          request.method() === 'PUT' &&
          request.url().endsWith(routes.setLocale.path) &&
          request.postData() === JSON.stringify({ locale }),
        WAIT,
      );
    await Promise.all([emailLanguage('zh-Hant'), language.selectOption('zh-Hant')]);
    await page.getByRole('heading', { name: '我的帳戶', exact: true }).waitFor({ state: 'visible', ...WAIT });
    expect(await keep.textContent()).toContain('你的帳戶已保留');
    await belowTheSettings(page);
    await page.screenshot({ path: join(ARTIFACTS, 'account-keep-zh-Hant.png') });
    const [toVi] = await Promise.all([emailLanguage('vi'), language.selectOption('vi')]);
    expect((await toVi.response())?.status()).toBe(204);
    await page
      .getByRole('heading', { name: 'Tài khoản của bạn', exact: true })
      .waitFor({ state: 'visible', ...WAIT });
    expect(await page.getByTestId('devices-list').textContent()).toContain('Thiết bị này');
    await belowTheSettings(page);
    await page.screenshot({ path: join(ARTIFACTS, 'account-keep-vi.png') });

    // A 390x844 phone: the panel is a sheet that fits the screen and scrolls to its end.
    await page.setViewportSize({ width: 390, height: 844 });
    await fitsAndScrolls(page);
    await keep.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'account-keep-phone-vi.png') });

    // Sign out everywhere, this browser included: back to the entry screen.
    const lastToken = await tokenOf(page);
    await page.getByTestId('signout-all').click();
    await page.getByTestId('signout-all-confirm').click();
    await page.getByTestId('name-input').waitFor({ state: 'visible', ...WAIT });
    const after = await fetch(new URL(routes.me.path, server!.url), {
      headers: { authorization: `Bearer ${lastToken}` },
    });
    expect(after.status).toBe(401);
    await page.close();
  });

  it('fits a phone for a guest, keyboard first, and hands a taken email over to the merge offer', {
    timeout: 240_000,
  }, async () => {
    const page = await browser!.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await enterAsGuest(page, server!.url, 'Phone Guest');
    // On a phone the account button sits in the HUD's settings, folded behind the dock's toggle.
    await openHudSettings(page);
    await pressOn(page, 'open-account');
    await page.waitForSelector('[data-testid="keep-account"][data-state="guest"]', WAIT);
    await page
      .getByTestId('device-item')
      .first()
      .waitFor({ state: 'visible', ...WAIT });
    await page.screenshot({ path: join(ARTIFACTS, 'account-keep-phone-guest.png') });
    await fitsAndScrolls(page);
    expect(await accessibilityProblems(page)).toEqual([]);

    // Tab from the panel's heading reaches "Add email" first, with a visible focus ring; Escape closes the panel.
    await page.getByTestId('account').locator('h2').focus();
    await page.keyboard.press('Tab'); // the panel's ×
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.getAttribute('data-testid')).toBe('add-email');
    expect(await focused.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe('none');

    // An email that already belongs to another member: the panel hands over to "Continue as <name>?"; declining
    // leaves this guest as they were.
    const taken = `taken-${Date.now()}@example.com`;
    const post = (path: string, body: unknown) =>
      fetch(new URL(path, server!.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: new URL(server!.url).origin },
        body: JSON.stringify(body),
      });
    let sentAt = Date.now();
    expect((await post(routes.emailStart.path, { email: taken })).ok).toBe(true);
    const owner = await post(routes.emailVerify.path, {
      email: taken,
      code: await codeFor(taken, sentAt),
      name: 'Owner',
    });
    expect(owner.status).toBe(200);
    await page.keyboard.press('Enter');
    const emailInput = page.getByTestId('keep-email-input');
    await emailInput.waitFor({ state: 'visible', ...WAIT });
    await emailInput.fill(taken);
    sentAt = Date.now();
    await page.keyboard.press('Enter');
    const codeInput = page.getByTestId('keep-code-input');
    await codeInput.waitFor({ state: 'visible', ...WAIT });
    await page.screenshot({ path: join(ARTIFACTS, 'account-keep-phone-code.png') });
    await codeInput.fill(await codeFor(taken, sentAt));
    await page.keyboard.press('Enter');
    await page.getByTestId('merge-offer').waitFor({ state: 'visible', ...WAIT });
    expect(await page.getByTestId('merge-offer').textContent()).toContain('Owner');
    await page.getByTestId('merge-decline').click();
    await page.getByTestId('merge-offer').waitFor({ state: 'detached', ...WAIT });
    await page.waitForSelector('[data-testid="keep-account"][data-state="guest"]', WAIT);
    expect(await page.getByTestId('credential-item').count()).toBe(0);

    await page.getByTestId('account').locator('h2').focus();
    await page.keyboard.press('Escape');
    await page.getByTestId('account').waitFor({ state: 'detached', ...WAIT });
    await page.close();
  });
});
