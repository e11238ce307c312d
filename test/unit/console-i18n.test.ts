import { describe, expect, it } from 'vitest';
import { CONSOLE_ERROR_CODES } from '../../client/console/errors.ts';
import { en } from '../../client/console/i18n/en.ts';
import {
  CONSOLE_LOCALES,
  consoleCatalogues,
  initialConsoleLocale,
  translate,
} from '../../client/console/i18n/translate.ts';
import { LOCALES } from '../../client/core/i18n/locales.ts';
import { HALLS } from '../../shared/content/live-events.ts';
import { CONTENT_KINDS } from '../../shared/protocol/live-events.ts';
import { describeIcuCatalogues, shapeOf } from './i18n-icu-checks.ts';

const argumentNames = (message: string) => Object.keys(shapeOf(message).args).sort();

const enKeys = Object.keys(en).sort();

describe('console i18n catalogues', () => {
  it.each(CONSOLE_LOCALES)('%s has exactly the keys of en', (locale) => {
    expect(Object.keys(consoleCatalogues[locale]).sort()).toEqual(enKeys);
  });

  it.each(CONSOLE_LOCALES)('%s has no empty messages', (locale) => {
    for (const [key, message] of Object.entries(consoleCatalogues[locale])) {
      expect(message.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it.each(CONSOLE_LOCALES)('%s uses exactly the placeholders of en', (locale) => {
    for (const [key, message] of Object.entries(en)) {
      const translated = consoleCatalogues[locale][key as keyof typeof en];
      expect(argumentNames(translated), `${locale} ${key}`).toEqual(argumentNames(message));
    }
  });

  it('translates every error code, hall, event status, content kind and prize status', () => {
    for (const code of CONSOLE_ERROR_CODES) expect(en).toHaveProperty([`error.${code}`]);
    for (const hall of HALLS) expect(en).toHaveProperty([`hall.${hall.id}`]);
    for (const status of ['scheduled', 'live', 'ended', 'cancelled'])
      expect(en).toHaveProperty([`status.${status}`]);
    for (const kind of CONTENT_KINDS) expect(en).toHaveProperty([`content.kind.${kind}`]);
    for (const status of ['held', 'queued', 'sent', 'mined', 'delivered', 'failed'])
      expect(en).toHaveProperty([`prizeStatus.${status}`]);
  });

  it('says a wallet without the host role is refused, in every language', () => {
    expect(translate('en', 'error.forbidden')).toContain('does not have the host role');
    expect(translate('zh-Hant', 'error.forbidden')).toContain('主持人權限');
    expect(translate('zh-Hans', 'error.forbidden')).toContain('主持人权限');
    expect(translate('vi', 'error.forbidden')).toContain('quyền người dẫn');
  });

  it('keeps Traditional and Simplified apart where they differ', () => {
    expect(consoleCatalogues['zh-Hant']['app.title']).toContain('後台');
    expect(consoleCatalogues['zh-Hans']['app.title']).toContain('后台');
    expect(consoleCatalogues['zh-Hant']['content.introLive']).toContain('發佈');
    expect(consoleCatalogues['zh-Hans']['content.introLive']).toContain('发布');
  });

  it('fills placeholders and leaves unknown ones as written', () => {
    expect(translate('en', 'live.present', { count: 12 })).toBe('Present: 12');
    expect(translate('vi', 'form.removeDrop', { n: 2 })).toBe('Xóa đợt tặng quà 2');
    expect(translate('en', 'live.present')).toBe('Present: {count}');
  });

  it('picks the console language from the browser when nothing is saved', () => {
    expect(initialConsoleLocale(['zh-TW'])).toBe('zh-Hant');
    expect(initialConsoleLocale(['zh-CN', 'en'])).toBe('zh-Hans');
    expect(initialConsoleLocale(['fr-FR', 'vi-VN'])).toBe('vi');
    expect(initialConsoleLocale(['de'])).toBe('en');
  });
});

describeIcuCatalogues('console ICU messages', consoleCatalogues);

describe('ICU formatting in the console', () => {
  it('says 1 character and 24 characters, and Chinese and Vietnamese without plural forms', () => {
    expect(translate('en', 'issue.maxLength', { max: 1 })).toBe('At most 1 character.');
    expect(translate('en', 'issue.maxLength', { max: 24 })).toBe('At most 24 characters.');
    expect(translate('zh-Hant', 'issue.maxLength', { max: 24 })).toBe('最多 24 個字元。');
    expect(translate('vi', 'issue.maxLength', { max: 1 })).toBe('Tối đa 1 ký tự.');
  });

  it('formats a saved moment as a day and a time of the locale', () => {
    const at = new Date(Date.UTC(2026, 2, 12, 12, 0));
    const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(at);
    expect(translate('en', 'content.historyLine', { version: 3, time: at, by: 'Ada' })).toBe(
      `Version 3, ${day}, by Ada`,
    );
    expect(
      translate('zh-Hans', 'content.draft', { kind: '任务', id: 'q1', time: at, by: '0x12…ab' }),
    ).toContain('2026年3月12日');
  });

  it('runs on the lounge runtime and shares its locale list', () => {
    expect(CONSOLE_LOCALES).toEqual(LOCALES);
    expect(translate('vi', 'live.present', { count: 3 })).toBe('Đang có mặt: 3');
  });
});
