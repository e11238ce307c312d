import { describe, expect, it } from 'vitest';
import {
  codeDigits,
  hasOtherDevices,
  isCompleteCode,
  keepStateOf,
  looksLikeEmail,
  METHOD_KEYS,
  SESSION_KIND_KEYS,
  shortAddress,
  showPasskey,
  sortCredentials,
  sortDevices,
} from '../../client/account/hud/keepAccountView.ts';
import { LOCALES } from '../../client/core/i18n/locales.ts';
import { translate } from '../../client/core/i18n/translate.ts';
import type { CredentialView, DeviceView } from '../../shared/protocol/sign-in.ts';

const credential = (id: string, kind: CredentialView['kind'], createdAt: number): CredentialView => ({
  id,
  kind,
  label: `${kind} ${id}`,
  createdAt,
  lastUsedAt: null,
});

const device = (id: string, lastSeenAt: number, current = false): DeviceView => ({
  id,
  browser: `Browser ${id}`,
  kind: 'guest',
  createdAt: 1,
  lastSeenAt,
  current,
});

describe('whether the account is kept', () => {
  it('reads the credentials list first: any credential or a wallet keeps it', () => {
    expect(keepStateOf(false, { credentials: [], wallet: null })).toBe('guest');
    expect(keepStateOf(false, { credentials: [credential('a', 'email', 1)], wallet: null })).toBe('kept');
    expect(keepStateOf(false, { credentials: [], wallet: '0xabc' })).toBe('kept');
    // The list is fresher than the store's flag from the last sign-in answer.
    expect(keepStateOf(true, { credentials: [], wallet: null })).toBe('guest');
  });

  it("falls back to the session's lasting flag before the list loads", () => {
    expect(keepStateOf(true, null)).toBe('kept');
    expect(keepStateOf(false, null)).toBe('guest');
    expect(keepStateOf(undefined, null)).toBe('unknown');
  });
});

describe('the lists', () => {
  it('orders sign-in methods oldest first', () => {
    const sorted = sortCredentials([credential('b', 'passkey', 20), credential('a', 'email', 10)]);
    expect(sorted.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('puts this device first, then the most recently seen', () => {
    const devices = [device('old', 10), device('new', 30), device('here', 5, true)];
    expect(sortDevices(devices).map((d) => d.id)).toEqual(['here', 'new', 'old']);
    expect(hasOtherDevices(devices)).toBe(true);
    expect(hasOtherDevices([device('here', 5, true)])).toBe(false);
  });

  it('shortens a wallet address for a phone and leaves a short one alone', () => {
    expect(shortAddress('0x1234567890abcdef1234567890abcdef12345678')).toBe('0x1234…5678');
    expect(shortAddress('0x12')).toBe('0x12');
  });
});

describe('the email form', () => {
  it.each([
    ['mei@example.com', true],
    ['  mei@example.com ', true],
    ['mei@example', false],
    ['mei example.com', false],
    ['', false],
  ])('treats %j as an email: %s', (input, ok) => {
    expect(looksLikeEmail(input)).toBe(ok);
  });

  it('keeps the digits of a typed or pasted code, six at most', () => {
    expect(codeDigits('123 456')).toBe('123456');
    expect(codeDigits('12-34-56-78')).toBe('123456');
    expect(codeDigits('abc')).toBe('');
    expect(isCompleteCode('123456')).toBe(true);
    expect(isCompleteCode('12345')).toBe(false);
  });
});

describe('what the panel offers', () => {
  it('shows "Add a passkey" only when the browser and the lounge both support passkeys', () => {
    expect(showPasskey(true, { passkeys: true })).toBe(true);
    expect(showPasskey(false, { passkeys: true })).toBe(false);
    expect(showPasskey(true, { passkeys: false })).toBe(false);
    expect(showPasskey(true, null)).toBe(false);
  });
});

describe('the panel in four languages', () => {
  const at = Date.UTC(2026, 11, 5, 13, 30);

  it.each(LOCALES)('names every method and session kind in %s', (locale) => {
    for (const key of [...Object.values(METHOD_KEYS), ...Object.values(SESSION_KIND_KEYS)]) {
      const text = translate(locale, key);
      expect(text).not.toBe(key);
      expect(text.length).toBeGreaterThan(1);
    }
  });

  it.each(LOCALES)('formats first seen, last seen, added and consent dates in %s', (locale) => {
    for (const key of [
      'account.devices.firstSeen',
      'account.devices.lastSeen',
      'account.methods.added',
      'account.consent.since',
    ] as const) {
      const text = translate(locale, key, { at });
      expect(text).toMatch(/2026/);
      expect(text).not.toContain('{');
    }
  });

  it('writes dates the way each language does', () => {
    expect(translate('en', 'account.methods.added', { at })).toBe('Added Dec 5, 2026');
    expect(translate('zh-Hant', 'account.methods.added', { at })).toBe('新增於 2026年12月5日');
    expect(translate('zh-Hans', 'account.consent.since', { at })).toBe('自 2026年12月5日 起已开启。');
    expect(translate('vi', 'account.methods.added', { at })).toMatch(/^Thêm ngày .*2026$/);
  });

  it('fills the brand and browser names', () => {
    expect(translate('en', 'account.keep.addBrand', { brand: 'SkyMiles' })).toBe('Sign in with SkyMiles');
    expect(translate('zh-Hant', 'account.devices.signOutLabel', { browser: 'Chrome on Android' })).toBe(
      '登出 Chrome on Android',
    );
    expect(translate('en', 'account.keep.addingPasskey')).toBe("Follow your browser's prompt…");
  });
});
