import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../client/core/i18n/translate.ts';
import { placeName, ZONE_NAME_KEYS, zoneName } from '../../client/passport/placeName.ts';
import { loungeLayout } from '../../shared/content/lounge-layout.ts';

describe('place names', () => {
  it.each(LOCALES)('names every zone of the lounge layout in %s', (locale) => {
    for (const zone of loungeLayout.zones) {
      expect(ZONE_NAME_KEYS, zone.id).toHaveProperty([zone.id]);
      expect(zoneName(zone.id, locale)).toBeTruthy();
    }
  });

  it('puts the zone and the room into words', () => {
    expect(placeName('lounge/departures-board', 'en')).toBe('Departures board, Main lounge');
    expect(placeName('lounge/window', 'zh-Hant')).toBe('主貴賓室・跑道景觀窗');
    expect(placeName('vip/bar', 'vi')).toBe('Quầy bar, Phòng chờ VIP');
  });

  it('falls back to the room alone, and to the raw id for a room it does not know', () => {
    expect(placeName('lounge', 'en')).toBe('Main lounge');
    expect(placeName('lounge/somewhere-new', 'en')).toBe('Main lounge');
    expect(placeName('arcade-room', 'en')).toBe('arcade-room');
    expect(zoneName('nowhere', 'en')).toBeNull();
  });
});
