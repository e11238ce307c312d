import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../client/core/errorCodes.ts';
import { detectLocale, initialLocale } from '../../client/core/i18n/detect.ts';
import { en } from '../../client/core/i18n/en.ts';
import { sharedFormatters } from '../../client/core/i18n/formatters.ts';
import { LanguageSwitcher } from '../../client/core/i18n/LanguageSwitcher.tsx';
import { createTranslator } from '../../client/core/i18n/runtime.ts';
import { catalogues, LOCALES, translate } from '../../client/core/i18n/translate.ts';
import { NOTICE_CODES } from '../../shared/protocol/lounge-messages.ts';
import { describeIcuCatalogues, shapeOf } from './i18n-icu-checks.ts';

const enKeys = Object.keys(en).sort();

describe('i18n catalogues', () => {
  it.each(LOCALES)('%s has exactly the keys of en', (locale) => {
    expect(Object.keys(catalogues[locale]).sort()).toEqual(enKeys);
  });

  it.each(LOCALES)('%s has no empty messages', (locale) => {
    for (const [key, message] of Object.entries(catalogues[locale])) {
      expect(message.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it.each(LOCALES)('%s keeps every {placeholder} of en', (locale) => {
    for (const [key, message] of Object.entries(en)) {
      const translated = catalogues[locale][key as keyof typeof en];
      expect(Object.keys(shapeOf(translated).args).sort(), `${locale} ${key}`).toEqual(
        Object.keys(shapeOf(message).args).sort(),
      );
    }
  });

  it('translates every error and notice code', () => {
    for (const code of ERROR_CODES) expect(en).toHaveProperty(`error.${code}`);
    for (const code of NOTICE_CODES) expect(en).toHaveProperty(`notice.${code}`);
    for (const code of [
      'unauthorized',
      'sessionExpired',
      'loungeFull',
      'connectionLost',
      'invalidName',
      'rateLimited',
      'internal',
    ]) {
      expect(en).toHaveProperty(`error.${code}`);
    }
  });

  it('fills placeholders and leaves unknown ones alone', () => {
    expect(translate('en', 'hud.members', { count: 3 })).toBe('Members here: 3');
    expect(translate('zh-Hant', 'hud.members', { count: 3 })).toBe('目前在場：3 人');
    expect(translate('en', 'hud.members')).toBe('Members here: {count}');
  });

  it('uses Traditional and Simplified characters where they differ', () => {
    expect(catalogues['zh-Hant']['app.title']).toContain('貴賓室');
    expect(catalogues['zh-Hans']['app.title']).toContain('贵宾室');
  });
});

describeIcuCatalogues('lounge ICU messages', catalogues);

describe('ICU formatting in the lounge', () => {
  it('says 1 point and 2 points in English, with grouping per locale', () => {
    expect(translate('en', 'passport.points', { points: 1 })).toBe('1 point');
    expect(translate('en', 'passport.points', { points: 2 })).toBe('2 points');
    expect(translate('en', 'passport.points', { points: 1234 })).toBe('1,234 points');
    expect(translate('vi', 'passport.points', { points: 1234 })).toBe('1.234 điểm');
    expect(translate('zh-Hant', 'passport.points', { points: 1 })).toBe('1 點');
  });

  it('agrees the sentence with the count, not only the noun', () => {
    expect(translate('en', 'account.erasedInFlight', { count: 1 })).toBe(
      '1 reward is still being minted. It will arrive in your wallet.',
    );
    expect(translate('en', 'account.erasedInFlight', { count: 3 })).toBe(
      '3 rewards are still being minted. They will arrive in your wallet.',
    );
    expect(translate('en', 'games.lobbyWaiting', { min: 1 })).toContain('at least 1 player needed');
    expect(translate('en', 'games.lobbyWaiting', { min: 2 })).toContain('at least 2 players needed');
    expect(translate('zh-Hans', 'games.upTo', { max: 4 })).toBe('最多 4 位玩家');
  });

  it('formats dates in the language of the locale', () => {
    const noon = Date.UTC(2026, 11, 1, 12, 0);
    expect(translate('en', 'journal.upcoming', { date: noon })).toBe('Starts Dec 1, 2026');
    expect(translate('zh-Hant', 'journal.upcoming', { date: noon })).toBe('2026年12月1日 開始');
    expect(translate('vi', 'passport.prizeWonOn', { date: new Date(noon) })).toMatch(/^Thắng ngày .*2026/);
  });

  it('keeps an apostrophe as text', () => {
    expect(translate('en', 'host.pinLabel', { name: 'Mei' })).toBe("Pin Mei's question to the screen");
    expect(translate('en', 'gate.suiteDenied')).toContain("our partner's pass");
  });

  it('compiles each message once and shares Intl formatters', () => {
    const counting = createTranslator({
      en: { n: '{n, number}' },
      'zh-Hant': { n: '{n, number}' },
      'zh-Hans': { n: '{n, number}' },
      vi: { n: '{n, number}' },
    });
    expect(counting('vi', 'n', { n: 1000 })).toBe('1.000');
    expect(counting('vi', 'n', { n: 2000 })).toBe('2.000');
    expect(sharedFormatters.getNumberFormat('vi')).toBe(sharedFormatters.getNumberFormat('vi'));
  });
});

describe('LanguageSwitcher', () => {
  it('names each language in itself, tagged with its language', () => {
    const html = renderToStaticMarkup(
      createElement(LanguageSwitcher, {
        locale: 'vi',
        onChange: () => {},
        label: 'Language',
        testId: 'lang',
      }),
    );
    expect(html).toContain('>Language</label>');
    expect(html).toContain('data-testid="lang"');
    expect(html).toContain('<option value="zh-Hant" lang="zh-Hant">繁體中文</option>');
    expect(html).toContain('lang="vi" selected="">Tiếng Việt</option>');
    expect(html.match(/<option/g)).toHaveLength(LOCALES.length);
  });
});

describe('detectLocale', () => {
  it.each([
    [['zh-TW'], 'zh-Hant'],
    [['zh-HK'], 'zh-Hant'],
    [['zh-Hant-TW'], 'zh-Hant'],
    [['zh-CN'], 'zh-Hans'],
    [['zh'], 'zh-Hans'],
    [['zh-Hans'], 'zh-Hans'],
    [['vi-VN'], 'vi'],
    [['vi'], 'vi'],
    [['en-GB'], 'en'],
    [['fr-FR'], 'en'],
    [[], 'en'],
    [['fr-FR', 'vi-VN'], 'vi'],
  ] as const)('%j -> %s', (languages, expected) => {
    expect(detectLocale(languages)).toBe(expected);
  });

  it('starts from the browser languages when nothing is saved', () => {
    expect(initialLocale(['zh-HK', 'en'])).toBe('zh-Hant');
    expect(initialLocale(['de'])).toBe('en');
  });
});
