import { describe, expect, it } from 'vitest';
import { buildSnapshot, statusFor, statusOpensRoom } from '../../server/domain/quests/snapshot.ts';
import { questContent } from '../../shared/content/quests.ts';
import { statusLevels } from '../../shared/content/status.ts';

// The snapshot's status with qualifying points (server/domain/quests/snapshot.ts), on the brand's levels: Frequent
// Flyer at 3 stamps or 5,000 points a year, Jetsetter (opens VIP) at 6 stamps or 20,000 points a year.
const at = (iso: string): number => Date.parse(iso);

describe('snapshot statusFor', () => {
  it('without qualifying points reads stamps alone, as before (no qualifying figures)', () => {
    expect(statusFor(3, statusLevels)).toEqual({
      level: 'frequent-flyer',
      stamps: 3,
      next: { level: 'jetsetter', minStamps: 6 },
    });
  });

  it('takes the higher of stamps and points, with the next level stamps reach above it', () => {
    const byPoints = statusFor(1, statusLevels, { byYear: { 2026: 5_000 }, now: at('2026-06-01T00:00:00Z') });
    expect(byPoints).toEqual({
      level: 'frequent-flyer',
      stamps: 1,
      next: { level: 'jetsetter', minStamps: 6 },
      qualifying: { thisYear: 5_000, until: '2028-03-31', next: { level: 'jetsetter', needs: 15_000 } },
    });
    const both = statusFor(6, statusLevels, { byYear: { 2026: 5_000 }, now: at('2026-06-01T00:00:00Z') });
    expect(both).toMatchObject({ level: 'jetsetter', next: null, qualifying: { until: null, next: null } });
  });

  it('at Jetsetter by points with no stamps shows no next level by stamps', () => {
    expect(statusFor(0, statusLevels, { byYear: { 2026: 20_000 }, now: at('2026-12-31T23:59:59Z') })).toEqual(
      {
        level: 'jetsetter',
        stamps: 0,
        next: null,
        qualifying: { thisYear: 20_000, until: '2028-03-31', next: null },
      },
    );
  });

  it('lets the level go once the grace after the next year ends', () => {
    const byYear = { 2024: 25_000 };
    expect(statusFor(2, statusLevels, { byYear, now: at('2026-03-31T23:59:59Z') }).level).toBe('jetsetter');
    expect(statusFor(2, statusLevels, { byYear, now: at('2026-04-01T00:00:00Z') })).toEqual({
      level: 'explorer',
      stamps: 2,
      next: { level: 'frequent-flyer', minStamps: 3 },
      qualifying: { thisYear: 0, until: null, next: { level: 'frequent-flyer', needs: 5_000 } },
    });
  });
});

describe('statusOpensRoom', () => {
  it('opens VIP by 6 stamps, or by 20,000 points a year while they hold, not by 19,999', () => {
    const now = at('2026-06-01T00:00:00Z');
    expect(statusOpensRoom(6, 'vip', statusLevels)).toBe(true);
    expect(statusOpensRoom(5, 'vip', statusLevels)).toBe(false);
    expect(statusOpensRoom(0, 'vip', statusLevels, { byYear: { 2026: 20_000 }, now })).toBe(true);
    expect(statusOpensRoom(0, 'vip', statusLevels, { byYear: { 2026: 19_999 }, now })).toBe(false);
    expect(statusOpensRoom(0, 'vip', statusLevels, { byYear: { 2023: 90_000 }, now })).toBe(false);
    expect(statusOpensRoom(0, 'suite', statusLevels, { byYear: { 2026: 20_000 }, now })).toBe(false);
  });
});

describe('buildSnapshot', () => {
  it('fills status from qualifying points when the builder passes them, and by stamps when it does not', () => {
    const progress = { quests: {}, stamps: {}, points: 20_000 };
    const now = at('2026-06-01T00:00:00Z');
    expect(buildSnapshot(progress, [], [], now, questContent).status.level).toBe('guest');
    const snapshot = buildSnapshot(progress, [], [], now, questContent, { 2026: 20_000 });
    expect(snapshot.status).toMatchObject({ level: 'jetsetter', qualifying: { thisYear: 20_000 } });
  });
});
