import { describe, expect, it } from 'vitest';
import type { Locale } from '../../client/core/i18n/locales.ts';
import { translate } from '../../client/core/i18n/translate.ts';
import { signedAmount, utcDay } from '../../client/passport/points/pointsFormat.ts';
import { type HistoryState, mergeHistory } from '../../client/passport/points/pointsHistory.ts';
import { reasonText } from '../../client/passport/points/reasonText.ts';
import type { PointsHistoryLine, PointsReasonView } from '../../shared/protocol/points.ts';
import { seedPublishedContent } from '../support/published-content.ts';

const line = (id: number, amount = 10): PointsHistoryLine => ({
  id,
  at: Date.UTC(2026, 11, 1) + id * 60_000,
  amount,
  reason: { code: 'quest', params: { quest: 'first-visit' } },
  source: 'first-visit',
  partnerId: null,
});
const lines = (...ids: number[]) => ids.map((id) => line(id));
const ids = (state: HistoryState) => state.lines.map((l) => l.id);

// The lounge has the published content once GET /api/content answered; these read names from it.
seedPublishedContent();

describe('mergeHistory: paging and live updates', () => {
  it('shows the first page, then appends older pages with their cursor', () => {
    const first = mergeHistory(null, { history: lines(10, 9, 8), nextBefore: 8 }, 'latest');
    expect(ids(first)).toEqual([10, 9, 8]);
    expect(first.nextBefore).toBe(8);
    const more = mergeHistory(first, { history: lines(7, 6), nextBefore: null }, 'older');
    expect(ids(more)).toEqual([10, 9, 8, 7, 6]);
    expect(more.nextBefore).toBeNull();
  });

  it('puts new movements on top and keeps the older pages already opened', () => {
    const opened = { lines: lines(10, 9, 8, 7, 6), nextBefore: 6 };
    const fresh = mergeHistory(opened, { history: lines(12, 11, 10), nextBefore: 10 }, 'latest');
    expect(ids(fresh)).toEqual([12, 11, 10, 9, 8, 7, 6]);
    expect(fresh.nextBefore).toBe(6);
  });

  it('starts over from the fresh page when it does not reach what was shown (no hole in the history)', () => {
    const opened = { lines: lines(5, 4), nextBefore: 4 };
    const fresh = mergeHistory(opened, { history: lines(20, 19, 18), nextBefore: 18 }, 'latest');
    expect(ids(fresh)).toEqual([20, 19, 18]);
    expect(fresh.nextBefore).toBe(18);
  });

  it('never lists a line twice when a page overlaps', () => {
    const opened = { lines: lines(10, 9), nextBefore: 9 };
    const more = mergeHistory(opened, { history: lines(9, 8), nextBefore: null }, 'older');
    expect(ids(more)).toEqual([10, 9, 8]);
  });

  it('fills an empty history when the first points arrive', () => {
    const empty = mergeHistory(null, { history: [], nextBefore: null }, 'latest');
    const first = mergeHistory(empty, { history: lines(1), nextBefore: null }, 'latest');
    expect(ids(first)).toEqual([1]);
  });
});

const items: Record<string, string> = { 'harbor-coffee-drink': 'Harbor Coffee drink' };
const say = (reason: PointsReasonView, locale: Locale = 'en') =>
  reasonText(reason, {
    t: (key, vars) => translate(locale, key, vars),
    locale,
    itemName: (id) => items[id] ?? id,
  });

describe('reasonText: the member reads where points came from', () => {
  it('names quests, rules and items from content, in the member language', () => {
    expect(say({ code: 'quest', params: { quest: 'first-visit' } })).toBe('Journey completed: First Visit');
    expect(say({ code: 'earn', params: { rule: 'game-won' } })).toBe('Earned: Game won');
    expect(say({ code: 'earn', params: { rule: 'game-won' } }, 'zh-Hant')).toBe('獲得：贏得遊戲');
    expect(say({ code: 'purchase', params: { item: 'harbor-coffee-drink' } })).toBe(
      'Spent on Harbor Coffee drink',
    );
    expect(say({ code: 'refund', params: { item: 'gone-item' } })).toBe('Refunded: gone-item');
  });

  it("shows a partner's name and its own description", () => {
    const partner = { partner: 'Harbor Coffee', description: 'Flat white, Pier 3' };
    expect(say({ code: 'partner', params: partner })).toBe('Harbor Coffee: Flat white, Pier 3');
    expect(say({ code: 'partnerReversal', params: partner })).toBe(
      'Harbor Coffee took back: Flat white, Pier 3',
    );
    expect(say({ code: 'partner', params: partner }, 'vi')).toBe('Harbor Coffee: Flat white, Pier 3');
  });

  it('says Expired, the brand note, or a plain adjustment', () => {
    expect(say({ code: 'expiry', params: {} })).toBe('Expired');
    expect(say({ code: 'expiry', params: {} }, 'zh-Hans')).toBe('已过期');
    expect(say({ code: 'adjustment', params: { note: 'Sorry for the delay' } })).toBe(
      'Adjusted by the brand: Sorry for the delay',
    );
    expect(say({ code: 'adjustment', params: { note: '  ' } })).toBe('Adjusted by the brand');
    expect(say({ code: 'opening', params: {} })).toBe('Balance carried over');
    expect(say({ code: 'merge', params: {} })).toBe('Moved from your other membership');
  });

  it('keeps a code the lounge does not know yet readable', () => {
    expect(say({ code: 'bonus' as PointsReasonView['code'], params: {} })).toBe('Points moved');
  });
});

describe('signedAmount', () => {
  it('signs gains and spends, grouped per locale', () => {
    expect(signedAmount(1200, 'en')).toBe('+1,200');
    expect(signedAmount(-300, 'en')).toBe('-300');
    expect(signedAmount(1200, 'vi')).toBe('+1.200');
    expect(signedAmount(0, 'en')).toBe('0');
  });
});

describe('expiry notice', () => {
  it('names the amount and the UTC day in every language', () => {
    const vars = { amount: 120, on: utcDay('2027-01-05') };
    expect(translate('en', 'points.expiring', vars)).toMatch(/^120 points expire on Jan 5, 2027\./);
    expect(translate('en', 'points.expiring', { ...vars, amount: 1 })).toMatch(/^1 point expires on/);
    expect(translate('zh-Hant', 'points.expiring', vars)).toContain('2027年1月5日');
    expect(translate('vi', 'points.expiring', vars)).toMatch(/^120 điểm sẽ hết hạn vào 5 thg 1, 2027/);
  });
});
