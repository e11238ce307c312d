import { describe, expect, it } from 'vitest';
import { expiryDay, expiryState, isoDay } from '../../server/domain/points/expiry.ts';
import { parsePointsProgram, pointsProgram } from '../../shared/content/points-program.ts';

const rule = { months: 12, noticeDays: 30 };
const at = (iso: string): number => Date.parse(iso);

describe('expiryDay', () => {
  it.each([
    ['2026-01-31T10:00:00Z', 1, '2026-02-28'],
    ['2028-01-31T10:00:00Z', 1, '2028-02-29'],
    ['2028-02-29T23:59:59Z', 12, '2029-02-28'],
    ['2028-02-29T00:00:00Z', 48, '2032-02-29'],
    ['2026-03-31T00:00:00Z', 1, '2026-04-30'],
    ['2026-08-31T12:00:00Z', 6, '2027-02-28'],
    ['2026-12-15T00:00:00Z', 1, '2027-01-15'],
    ['2026-05-20T23:59:59.999Z', 12, '2027-05-20'],
    ['2026-01-01T00:00:00Z', 12, '2027-01-01'],
  ])('a lot earned %s lasting %i months can be spent through %s', (earned, months, last) => {
    expect(isoDay(expiryDay(at(earned), months))).toBe(last);
  });
});

describe('expiryState', () => {
  it('keeps points through their last day and expires them the day after', () => {
    const lines = [{ amount: 100, at: at('2025-03-15T10:00:00Z') }];
    expect(expiryState(lines, at('2026-03-15T23:59:59Z'), rule)).toEqual({
      expireNow: 0,
      next: { amount: 100, on: '2026-03-15' },
      noticeDue: true,
    });
    expect(expiryState(lines, at('2026-03-16T00:00:00Z'), rule)).toEqual({
      expireNow: 100,
      next: null,
      noticeDue: false,
    });
  });

  it('spends the oldest lots first and gives the notice 30 days ahead, not 31', () => {
    const lines = [
      { amount: 100, at: at('2025-01-10T00:00:00Z') },
      { amount: 50, at: at('2025-02-10T00:00:00Z') },
      { amount: 20, at: at('2025-02-10T18:00:00Z') },
      { amount: -120, at: at('2025-06-01T00:00:00Z') },
    ];
    expect(expiryState(lines, at('2026-01-10T00:00:00Z'), rule)).toEqual({
      expireNow: 0,
      next: { amount: 50, on: '2026-02-10' },
      noticeDue: false,
    });
    expect(expiryState(lines, at('2026-01-11T00:00:00Z'), rule).noticeDue).toBe(true);
    expect(expiryState(lines, at('2026-02-11T00:00:00Z'), rule).expireNow).toBe(50);
  });

  it('expires nothing from a zero or negative balance', () => {
    const old = at('2020-01-01T00:00:00Z');
    expect(
      expiryState(
        [
          { amount: 10, at: old },
          { amount: -10, at: old },
        ],
        at('2026-01-01T00:00:00Z'),
        rule,
      ),
    ).toEqual({
      expireNow: 0,
      next: null,
      noticeDue: false,
    });
    expect(
      expiryState(
        [
          { amount: 10, at: old },
          { amount: -30, at: old },
        ],
        at('2026-01-01T00:00:00Z'),
        rule,
      ),
    ).toEqual({
      expireNow: 0,
      next: null,
      noticeDue: false,
    });
  });

  it('pays a negative balance off from the next credits before they can expire', () => {
    const lines = [
      { amount: -30, at: at('2025-01-01T00:00:00Z') },
      { amount: 100, at: at('2025-02-01T00:00:00Z') },
      { amount: 10, at: at('2025-09-01T00:00:00Z') },
    ];
    const now = at('2026-03-01T00:00:00Z');
    const state = expiryState(lines, now, rule);
    expect(state).toEqual({ expireNow: 70, next: { amount: 10, on: '2026-09-01' }, noticeDue: false });
    expect(expiryState([...lines, { amount: -state.expireNow, at: now }], now, rule).expireNow).toBe(0);
  });

  it('sums the lots that share the next expiry day', () => {
    const lines = [
      { amount: 5, at: at('2025-01-29T00:00:00Z') },
      { amount: 7, at: at('2025-01-31T00:00:00Z') },
      { amount: 9, at: at('2025-02-01T00:00:00Z') },
    ];
    expect(expiryState(lines, at('2025-02-02T00:00:00Z'), { months: 1, noticeDays: 0 })).toEqual({
      expireNow: 0,
      next: { amount: 12, on: '2025-02-28' },
      noticeDue: false,
    });
  });
});

describe('points program content', () => {
  it('has the brand defaults', () => {
    expect(pointsProgram.expiry).toEqual({ months: 12, noticeDays: 30 });
  });
  it('refuses months below one', () => {
    expect(() => parsePointsProgram('test', { expiry: { months: 0, noticeDays: 30 } })).toThrow(
      /expiry\.months/,
    );
  });
});
