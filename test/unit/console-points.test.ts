import { describe, expect, it } from 'vitest';
import { totalsBy } from '../../client/console/points/figures.ts';
import { dailyTotals, summaryWindow } from '../../server/points/console-days.ts';

describe('console points: the summary window', () => {
  it('covers whole UTC days ending today, whatever the hour', () => {
    const lateOnTheFirst = Date.parse('2026-03-01T23:59:59.999Z');
    const window = summaryWindow(lateOnTheFirst, 3);
    expect(window).toEqual({
      from: '2026-02-27',
      to: '2026-03-01',
      start: new Date('2026-02-27T00:00:00.000Z'),
      end: new Date('2026-03-02T00:00:00.000Z'),
      days: ['2026-02-27', '2026-02-28', '2026-03-01'],
    });
    expect(summaryWindow(Date.parse('2026-03-02T00:00:00Z'), 1).days).toEqual(['2026-03-02']);
    expect(summaryWindow(Date.parse('2028-03-01T12:00:00Z'), 2).days).toEqual(['2028-02-29', '2028-03-01']);
  });

  it('fills every day with zeros and adds up rows of one day, ignoring days outside', () => {
    const window = summaryWindow(Date.parse('2026-05-10T08:00:00Z'), 3);
    const daily = dailyTotals(window, [
      { day: '2026-05-10', earned: 5, burned: 1 },
      { day: '2026-05-10', earned: 7, burned: 0 },
      { day: '2026-05-08', earned: 0, burned: 40 },
      { day: '2026-04-01', earned: 999, burned: 999 },
    ]);
    expect(daily).toEqual([
      { day: '2026-05-08', earned: 0, burned: 40 },
      { day: '2026-05-09', earned: 0, burned: 0 },
      { day: '2026-05-10', earned: 12, burned: 1 },
    ]);
  });
});

describe('console points: figure tables', () => {
  it('totals the window per group, most points moved first', () => {
    const rows = [
      { day: '2026-05-09', kind: 'quest', earned: 10, burned: 0 },
      { day: '2026-05-10', kind: 'purchase', earned: 0, burned: 300 },
      { day: '2026-05-10', kind: 'quest', earned: 15, burned: 0 },
      { day: '2026-05-10', kind: 'refund', earned: 25, burned: 0 },
    ];
    expect(
      totalsBy(
        rows,
        (row) => row.kind,
        (row) => row.kind.toUpperCase(),
      ),
    ).toEqual([
      { key: 'purchase', label: 'PURCHASE', earned: 0, burned: 300 },
      { key: 'quest', label: 'QUEST', earned: 25, burned: 0 },
      { key: 'refund', label: 'REFUND', earned: 25, burned: 0 },
    ]);
  });
});
