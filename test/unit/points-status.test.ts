import { describe, expect, it } from 'vitest';
import { pick, seededRandom } from '../../server/domain/games/random.ts';
import { qualifyingPointsByYear, statusFor } from '../../server/domain/points/status.ts';
import { pointsProgram } from '../../shared/content/points-program.ts';
import { statusLevels } from '../../shared/content/status.ts';

const at = (iso: string): number => Date.parse(iso);
const status = (stamps: number, years: Record<number, number>, now: string) =>
  statusFor({ stamps, qualifyingPointsByYear: years, now: at(now) }, statusLevels, pointsProgram);

describe('statusFor with the brand levels (Frequent Flyer 5,000, Jetsetter 20,000 points a year; grace 3 months)', () => {
  it('ranks by stamps for good when no points qualify', () => {
    expect(status(0, {}, '2026-06-01T00:00:00Z')).toEqual({
      level: 'guest',
      basis: { by: 'stamps' },
      thisYear: 0,
      nextByPoints: { level: 'frequent-flyer', needs: 5000 },
    });
    expect(status(6, {}, '2040-06-01T00:00:00Z')).toMatchObject({
      level: 'jetsetter',
      basis: { by: 'stamps' },
    });
  });

  it('reaches a level by points the moment the year reaches it, held to March 31 two years on', () => {
    expect(status(1, { 2026: 4999 }, '2026-06-01T00:00:00Z')).toMatchObject({
      level: 'explorer',
      nextByPoints: { level: 'frequent-flyer', needs: 1 },
    });
    const reached = status(1, { 2026: 5000 }, '2026-06-01T00:00:00Z');
    expect(reached).toEqual({
      level: 'frequent-flyer',
      basis: { by: 'points', year: 2026, until: '2028-03-31' },
      thisYear: 5000,
      nextByPoints: { level: 'jetsetter', needs: 15000 },
    });
    expect(status(1, { 2026: 5000 }, '2028-03-31T23:59:59Z').level).toBe('frequent-flyer');
    expect(status(1, { 2026: 5000 }, '2028-04-01T00:00:00Z').level).toBe('explorer');
  });

  it('requalifies: a later year extends the level, a weaker year lowers it after the grace', () => {
    const years = { 2026: 25_000, 2027: 6_000 };
    expect(status(0, years, '2027-12-31T00:00:00Z')).toMatchObject({
      level: 'jetsetter',
      basis: { by: 'points', year: 2026, until: '2028-03-31' },
      thisYear: 6000,
    });
    expect(status(0, years, '2028-04-01T00:00:00Z')).toMatchObject({
      level: 'frequent-flyer',
      basis: { by: 'points', year: 2027, until: '2029-03-31' },
      thisYear: 0,
    });
    expect(status(0, { ...years, 2028: 20_000 }, '2028-04-01T00:00:00Z')).toMatchObject({
      level: 'jetsetter',
      basis: { by: 'points', year: 2028, until: '2030-03-31' },
      nextByPoints: null,
    });
    expect(status(0, years, '2029-04-01T00:00:00Z').level).toBe('guest');
  });

  it('keeps a level held by stamps whatever the points do', () => {
    expect(status(3, { 2020: 30_000 }, '2026-01-01T00:00:00Z')).toMatchObject({
      level: 'frequent-flyer',
      basis: { by: 'stamps' },
    });
  });

  it('ignores points of years still to come', () => {
    expect(status(0, { 2027: 30_000 }, '2026-12-31T23:59:59Z').level).toBe('guest');
  });

  it('holds only through Dec 31 of the next year with no grace', () => {
    const program = { ...pointsProgram, qualification: { ...pointsProgram.qualification, graceMonths: 0 } };
    const input = { stamps: 0, qualifyingPointsByYear: { 2026: 5000 } };
    expect(statusFor({ ...input, now: at('2027-12-31T23:00:00Z') }, statusLevels, program).basis).toEqual({
      by: 'points',
      year: 2026,
      until: '2027-12-31',
    });
    expect(statusFor({ ...input, now: at('2028-01-01T00:00:00Z') }, statusLevels, program).level).toBe(
      'guest',
    );
  });
});

describe('qualifyingPointsByYear', () => {
  it('sums qualifying kinds by UTC year, reversals taking back, never below zero', () => {
    const lines = [
      { kind: 'partner' as const, amount: 4000, at: at('2026-12-31T23:59:59Z') },
      { kind: 'quest' as const, amount: 100, at: at('2027-01-01T00:00:00Z') },
      { kind: 'partnerReversal' as const, amount: -4000, at: at('2027-01-02T00:00:00Z') },
      { kind: 'purchase' as const, amount: -300, at: at('2026-05-01T00:00:00Z') },
      { kind: 'opening' as const, amount: 9000, at: at('2026-01-01T00:00:00Z') },
      { kind: 'earn' as const, amount: 25, at: at('2026-03-01T00:00:00Z') },
    ];
    expect(qualifyingPointsByYear(lines, pointsProgram)).toEqual({ 2026: 4025, 2027: 0 });
  });
});

describe('statusFor over random years', () => {
  it.each(Array.from({ length: 100 }, (_, seed) => seed + 1))(
    'never ranks below stamps alone (seed %i)',
    (seed) => {
      const random = seededRandom(seed, 4);
      const ranked = [...statusLevels].sort((a, b) => a.minStamps - b.minStamps).map((level) => level.id);
      for (let i = 0; i < 50; i++) {
        const stamps = pick(random, 8);
        const years = { 2025: pick(random, 30_000), 2026: pick(random, 30_000), 2027: pick(random, 30_000) };
        const now = Date.UTC(2025, 0, 1) + Math.floor(random() * 4 * 365 * 86_400_000);
        const withPoints = statusFor(
          { stamps, qualifyingPointsByYear: years, now },
          statusLevels,
          pointsProgram,
        );
        const stampsOnly = statusFor(
          { stamps, qualifyingPointsByYear: {}, now },
          statusLevels,
          pointsProgram,
        );
        expect(ranked.indexOf(withPoints.level)).toBeGreaterThanOrEqual(ranked.indexOf(stampsOnly.level));
        if (withPoints.basis.by === 'points')
          expect(Date.parse(withPoints.basis.until)).toBeGreaterThanOrEqual(now - 86_400_000);
        if (withPoints.nextByPoints) expect(withPoints.nextByPoints.needs).toBeGreaterThan(0);
      }
    },
  );
});
