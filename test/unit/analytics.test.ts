import { describe, expect, it } from 'vitest';
import { lastDays, periodAccepted } from '../../client/console/analytics/period.ts';
import { csvCell, toCsv } from '../../server/analytics/csv.ts';
import { addDays, daysFrom, isoWeekLabel, mondayOf } from '../../server/analytics/days.ts';
import { peakPresent } from '../../server/analytics/peak.ts';
import { retentionPercent, retentionRow } from '../../server/analytics/retention.ts';
import { ProgramAnalyticsQuery } from '../../shared/protocol/analytics.ts';

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-3)).toBe('-3');
  });

  it('defuses formulas: = + - @ tab and CR at the start get a leading quote mark', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+SUM(A1)')).toBe("'+SUM(A1)");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes a document with a BOM and CRLF line ends, keeping Chinese and Vietnamese text', () => {
    expect(
      toCsv(
        ['name', 'n'],
        [
          ['走到窗邊', 1],
          ['Đi đến', null],
        ],
      ),
    ).toBe('\uFEFFname,n\r\n走到窗邊,1\r\nĐi đến,\r\n');
  });
});

describe('days and ISO weeks', () => {
  it('walks UTC days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysFrom('2026-11-29', '2026-12-02')).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
    expect(daysFrom('2026-11-02', '2026-11-01')).toEqual([]);
  });

  it('puts a day in the ISO week of its Monday, numbered by the year of its Thursday', () => {
    expect(mondayOf('2026-11-18')).toBe('2026-11-16');
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
    expect(isoWeekLabel('2026-11-02')).toBe('2026-W45');
    expect(isoWeekLabel('2027-01-01')).toBe('2026-W53');
    expect(isoWeekLabel('2025-12-29')).toBe('2026-W01');
    expect(isoWeekLabel('2027-01-04')).toBe('2027-W01');
  });
});

describe('retention', () => {
  it('counts weeks that have begun, and leaves later ones unknown', () => {
    const counts = new Map([
      [1, 3],
      [3, 1],
    ]);
    expect(retentionRow('2026-11-02', 4, counts, '2026-11-24')).toEqual({
      cohort: '2026-W45',
      weekStart: '2026-11-02',
      size: 4,
      active: [3, 0, 1, null, null, null, null, null],
    });
    expect(retentionRow('2026-11-02', 4, counts, '2026-11-22').active.slice(0, 3)).toEqual([3, 0, null]);
  });

  it('turns counts into whole percents of the cohort', () => {
    expect(retentionPercent(1, 3)).toBe(33);
    expect(retentionPercent(2, 3)).toBe(67);
    expect(retentionPercent(null, 3)).toBeNull();
    expect(retentionPercent(0, 0)).toBeNull();
  });
});

describe('peak presence', () => {
  const stay = (memberId: string, from: number, to: number | null) => ({
    memberId,
    joinedAt: new Date(from),
    leftAt: to === null ? null : new Date(to),
  });

  it('counts a member once across overlapping stays and not with someone joining as they leave', () => {
    expect(peakPresent([stay('a', 0, 30), stay('a', 20, 60), stay('b', 10, 50), stay('c', 50, 70)])).toBe(2);
    expect(peakPresent([stay('a', 0, 10), stay('b', 10, 20)])).toBe(1);
    expect(peakPresent([stay('a', 0, null), stay('b', 5, null), stay('c', 6, 7)])).toBe(3);
    expect(peakPresent([])).toBe(0);
  });
});

describe('the period query', () => {
  const parse = (query: Record<string, string>) => ProgramAnalyticsQuery.safeParse(query).success;

  it('takes calendar days, from before to, at most 366 days', () => {
    expect(parse({ from: '2026-11-01', to: '2026-11-01' })).toBe(true);
    expect(parse({ from: '2025-11-18', to: '2026-11-18' })).toBe(true);
    expect(parse({ from: '2025-11-17', to: '2026-11-18' })).toBe(false);
    expect(parse({ from: '2026-11-02', to: '2026-11-01' })).toBe(false);
    expect(parse({ from: '2026-02-29', to: '2026-03-01' })).toBe(false);
    expect(parse({ from: '2026-11-01' })).toBe(false);
    expect(parse({ from: '2026-11-01', to: '2026-11-02', lang: 'vi' })).toBe(true);
  });
});

describe('the console’s period picker', () => {
  it('counts the last days with today included, and checks a custom period as the server will', () => {
    const now = Date.parse('2026-11-18T23:59:00Z');
    expect(lastDays(7, now)).toEqual({ from: '2026-11-12', to: '2026-11-18' });
    expect(lastDays(1, now)).toEqual({ from: '2026-11-18', to: '2026-11-18' });
    expect(periodAccepted(lastDays(90, now))).toBe(true);
    expect(periodAccepted({ from: '2026-03-10', to: '2026-03-01' })).toBe(false);
    expect(periodAccepted({ from: '', to: '2026-03-01' })).toBe(false);
  });
});
