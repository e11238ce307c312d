import { describe, expect, it } from 'vitest';
import { type Locale, translate } from '../../client/core/i18n/translate.ts';
import { perkLines, statusPerks } from '../../client/passport/statusPerks.ts';
import type { StatusLevel } from '../../shared/content/quest-schema.ts';
import { statusLevels } from '../../shared/content/status.ts';

const linesFor = (level: string, next: string | null, locale: Locale = 'en') =>
  perkLines(
    statusPerks(statusLevels, level, next),
    next ? (statusLevels.find((l) => l.id === next)?.name[locale] ?? next) : '',
    (key, vars) => translate(locale, key, vars),
    locale,
  );

describe('status perks in the passport', () => {
  it('shows nothing for levels without perks on either side', () => {
    expect(linesFor('guest', 'explorer')).toEqual([]);
  });

  it('names what the next level opens', () => {
    expect(linesFor('frequent-flyer', 'jetsetter')).toEqual(['Jetsetter: opens the VIP lounge']);
  });

  it('names the member’s own perks at the top level', () => {
    expect(linesFor('jetsetter', null)).toEqual(['Your perks: opens the VIP lounge']);
  });

  it('translates the line with the level and room names of the locale', () => {
    expect(linesFor('frequent-flyer', 'jetsetter', 'zh-Hant')).toEqual(['環球旅人：可進入VIP 貴賓廳']);
    expect(linesFor('jetsetter', null, 'vi')).toEqual(['Đặc quyền của bạn: được vào Phòng chờ VIP']);
  });

  it('keeps lower levels’ perks, lists only new ones for the next level, and skips unknown rooms', () => {
    const levels: StatusLevel[] = [
      { id: 'a', minStamps: 0, name: { en: 'A' }, opensRooms: ['vip'] },
      { id: 'b', minStamps: 2, name: { en: 'B' }, opensRooms: ['vip', 'suite', 'moon-base'] },
      { id: 'c', minStamps: 4, name: { en: 'C' }, opensRooms: [] },
    ] as StatusLevel[];
    expect(statusPerks(levels, 'a', 'b')).toEqual({ current: ['vip'], next: ['suite'] });
    expect(statusPerks(levels, 'b', 'c')).toEqual({ current: ['vip', 'suite'], next: [] });
    expect(statusPerks(levels, 'unknown', null)).toEqual({ current: [], next: [] });
    const t = (key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) =>
      translate('en', key, vars);
    expect(perkLines(statusPerks(levels, 'b', null), '', t, 'en')).toEqual([
      'Your perks: opens the VIP lounge and opens the Partner suite',
    ]);
  });
});

describe('the VIP gate message', () => {
  it('says that Jetsetter status opens the VIP lounge too', () => {
    expect(translate('en', 'error.gateDenied')).toContain('Reaching Jetsetter status opens it too.');
    expect(translate('zh-Hans', 'error.gateDenied')).toContain('环球旅人');
  });
});
