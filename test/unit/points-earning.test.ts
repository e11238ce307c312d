import { describe, expect, it } from 'vitest';
import {
  type EarningEvent,
  evaluateEarning,
  partnerRuleFor,
  pointsByRule,
} from '../../server/domain/points/earning.ts';
import { type EarningRule, earningRules, parseEarningRules } from '../../shared/content/earning-rules.ts';

const none = {};

describe('evaluateEarning with the brand rules', () => {
  it('gives 5 for a game finished, 15 for a game won', () => {
    const lost = evaluateEarning(earningRules, {
      event: { kind: 'gameFinished', gameId: 'bags', won: false },
      statusId: 'guest',
      earnedToday: none,
    });
    expect(lost).toEqual([
      { ruleId: 'game-finished', points: 5, reason: { code: 'earn', params: { rule: 'game-finished' } } },
    ]);
    const won = evaluateEarning(earningRules, {
      event: { kind: 'gameFinished', gameId: 'bags', won: true },
      statusId: 'jetsetter',
      earnedToday: none,
    });
    expect(won.map((line) => [line.ruleId, line.points])).toEqual([
      ['game-finished', 5],
      ['game-won', 10],
    ]);
  });

  it('caps a game by what the member earned today', () => {
    const earned = evaluateEarning(earningRules, {
      event: { kind: 'gameFinished', gameId: 'bags', won: true },
      statusId: 'guest',
      earnedToday: { 'game-finished': 48, 'game-won': 100 },
    });
    expect(earned.map((line) => [line.ruleId, line.points])).toEqual([['game-finished', 2]]);
  });

  it('earns a flight by the mile with the tier bonus, capped at 20,000 after the bonus', () => {
    const flight = (units: number, statusId: string): number[] =>
      evaluateEarning(earningRules, {
        event: { kind: 'partnerActivity', partnerId: 'skyway-air', activityType: 'flight', units },
        statusId,
        earnedToday: none,
      }).map((line) => line.points);
    expect(flight(1234, 'guest')).toEqual([1234]);
    expect(flight(1234, 'frequent-flyer')).toEqual([1542]);
    expect(flight(1234, 'jetsetter')).toEqual([1851]);
    expect(flight(15_000, 'jetsetter')).toEqual([20_000]);
    expect(flight(0, 'jetsetter')).toEqual([]);
    expect(flight(-5, 'guest')).toEqual([]);
    expect(flight(1.5, 'guest')).toEqual([]);
  });

  it('earns coffee at 10 points per dollar of cents, exactly', () => {
    const coffee = (units: number): number | undefined =>
      evaluateEarning(earningRules, {
        event: {
          kind: 'partnerActivity',
          partnerId: 'harbor-coffee',
          activityType: 'purchase',
          units,
          partnerName: 'Harbor Coffee',
          description: 'Flat white',
        },
        statusId: 'guest',
        earnedToday: none,
      })[0]?.points;
    expect(coffee(450)).toBe(45);
    expect(coffee(459)).toBe(45);
    expect(coffee(30)).toBe(3);
    expect(coffee(9)).toBeUndefined();
    expect(coffee(10_000_000)).toBe(2_000);
  });

  it('names the partner and description in a partner reason', () => {
    const [line] = evaluateEarning(earningRules, {
      event: {
        kind: 'partnerActivity',
        partnerId: 'lumen-hotels',
        activityType: 'stay',
        units: 2,
        partnerName: 'Lumen Hotels',
        description: 'Two nights, Taipei',
      },
      statusId: 'explorer',
      earnedToday: none,
    });
    expect(line).toEqual({
      ruleId: 'lumen-hotels-stay',
      points: 500,
      reason: {
        code: 'partner',
        params: { partner: 'Lumen Hotels', description: 'Two nights, Taipei', rule: 'lumen-hotels-stay' },
      },
    });
  });

  it('earns nothing for an activity type no rule names', () => {
    const event: EarningEvent = {
      kind: 'partnerActivity',
      partnerId: 'skyway-air',
      activityType: 'lounge',
      units: 1,
    };
    expect(evaluateEarning(earningRules, { event, statusId: 'guest', earnedToday: none })).toEqual([]);
    expect(partnerRuleFor(earningRules, 'skyway-air', 'lounge')).toBeUndefined();
    expect(partnerRuleFor(earningRules, 'skyway-air', 'flight')?.id).toBe('skyway-air-flight');
  });
});

describe('earning rule content', () => {
  const name = { en: 'x', 'zh-Hant': 'x', 'zh-Hans': 'x', vi: 'x' };
  it.each([
    ['no points or perUnit', { id: 'a', name, on: 'gameFinished' }, /needs points/],
    ['a partner rule without a partner', { id: 'a', name, on: 'partnerActivity', points: 1 }, /partnerId/],
    ['a lounge rule with perUnit', { id: 'a', name, on: 'zoneVisited', perUnit: 1 }, /perUnit/],
    [
      'a bonus over 300%',
      { id: 'a', name, on: 'stampEarned', points: 1, tierBonus: { guest: 301 } },
      /tierBonus/,
    ],
    [
      'a bonus for an unknown level',
      { id: 'a', name, on: 'stampEarned', points: 1, tierBonus: { gold: 5 } },
      /status level/,
    ],
    [
      'perUnit with 7 decimals',
      { id: 'a', name, on: 'partnerActivity', partnerId: 'p', activityType: 't', perUnit: 0.0000001 },
      /decimals/,
    ],
  ])('refuses %s', (_label, rule, message) => {
    expect(() => parseEarningRules('test', [rule])).toThrow(message);
  });

  it('refuses two rules for one partner activity type', () => {
    const rule = { name, on: 'partnerActivity', partnerId: 'p', activityType: 't', points: 1 };
    expect(() =>
      parseEarningRules('test', [
        { ...rule, id: 'a' },
        { ...rule, id: 'b' },
      ]),
    ).toThrow(/duplicate/);
  });

  it('floors a bonus on small amounts and never lowers points', () => {
    const rule: EarningRule = { id: 'a', name, on: 'stampEarned', points: 3, tierBonus: { guest: 50 } };
    expect(pointsByRule(rule, { event: { kind: 'stampEarned' }, statusId: 'guest', earnedToday: none })).toBe(
      4,
    );
    expect(
      pointsByRule(rule, { event: { kind: 'stampEarned' }, statusId: 'explorer', earnedToday: none }),
    ).toBe(3);
  });
});
