import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../client/core/errorCodes.ts';
import { detectLocale } from '../../client/i18n/detect.ts';
import { en } from '../../client/i18n/en.ts';
import { catalogues, LOCALES, placeholdersOf, translate } from '../../client/i18n/translate.ts';
import { NOTICE_CODES } from '../../shared/protocol/lounge-messages.ts';

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
      for (const name of placeholdersOf(message)) {
        expect(translated, `${locale} ${key} needs {${name}}`).toContain(`{${name}}`);
      }
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
});
