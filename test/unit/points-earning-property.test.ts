import { describe, expect, it } from 'vitest';
import { pick, seededRandom } from '../../server/domain/games/random.ts';
import { type EarningEvent, evaluateEarning } from '../../server/domain/points/earning.ts';
import { type EarningRule, earningRules, parseEarningRules } from '../../shared/content/earning-rules.ts';
import { statusLevels } from '../../shared/content/status.ts';

// seededRandom is mulberry32: every day of events below is reproduced from its seed.

const name = { en: 'x', 'zh-Hant': 'x', 'zh-Hans': 'x', vi: 'x' };
const levels = statusLevels.map((level) => level.id);
const partners = [
  ['skyway-air', 'flight'],
  ['harbor-coffee', 'purchase'],
  ['lumen-hotels', 'stay'],
  ['tiny-shop', 'purchase'],
] as const;
const lounge = ['gameFinished', 'gameWon', 'eventAttended', 'stampEarned', 'zoneVisited'] as const;

/** A random rule set: some lounge rules and one rule per partner activity type, with random caps and bonuses. */
function randomRules(random: () => number): EarningRule[] {
  const maybe = <T>(value: T): T | undefined => (random() < 0.5 ? value : undefined);
  const bonus = () =>
    Object.fromEntries(levels.filter(() => random() < 0.5).map((id) => [id, pick(random, 301)]));
  const items: unknown[] = lounge
    .filter(() => random() < 0.8)
    .map((on, i) => ({
      id: `r${i}`,
      name,
      on,
      points: pick(random, 60),
      dailyCap: maybe(1 + pick(random, 200)),
      maxPerActivity: maybe(1 + pick(random, 40)),
      tierBonus: bonus(),
    }));
  partners.forEach(([partnerId, activityType], i) => {
    const perUnit = random() < 0.7 ? pick(random, 5000) / 1000 : undefined;
    const points = perUnit === undefined || random() < 0.3 ? pick(random, 800) : undefined;
    items.push({
      id: `p${i}`,
      name,
      on: 'partnerActivity',
      partnerId,
      activityType,
      points,
      perUnit,
      dailyCap: maybe(1 + pick(random, 30_000)),
      maxPerActivity: maybe(1 + pick(random, 20_000)),
      tierBonus: bonus(),
    });
  });
  return parseEarningRules('random', items);
}

function randomEvent(random: () => number): EarningEvent {
  const roll = pick(random, 5);
  if (roll === 0) return { kind: 'gameFinished', gameId: 'bags', won: random() < 0.5 };
  if (roll === 1) return { kind: 'eventAttended' };
  if (roll === 2) return { kind: 'stampEarned' };
  if (roll === 3) return { kind: 'zoneVisited', zone: 'gate' };
  const [partnerId, activityType] = partners[pick(random, partners.length)] as readonly [string, string];
  return {
    kind: 'partnerActivity',
    partnerId,
    activityType,
    units: pick(random, random() < 0.1 ? 10_000_000 : 5000),
  };
}

/** floor(perUnit * units) from the decimal's digits, independent of the code under test. */
function exactPerUnit(perUnit: number, units: number): bigint {
  const [whole, fraction = ''] = perUnit.toFixed(6).split('.');
  return (BigInt(`${whole}${fraction}`) * BigInt(units)) / 1_000_000n;
}

describe('earning over a random day of events', () => {
  it.each(Array.from({ length: 200 }, (_, seed) => seed + 1))('never passes a cap (seed %i)', (seed) => {
    const random = seededRandom(seed, 1919);
    const rules = seed % 4 === 0 ? [...earningRules] : randomRules(random);
    const statusId = levels[pick(random, levels.length)] as string;
    const earnedToday: Record<string, number> = {};
    for (let i = 0; i < 300; i++) {
      const event = randomEvent(random);
      const lines = evaluateEarning(rules, { event, statusId, earnedToday });
      const plain = evaluateEarning(rules, { event, statusId: 'no-such-level', earnedToday });
      for (const line of lines) {
        const rule = rules.find((candidate) => candidate.id === line.ruleId) as EarningRule;
        expect(Number.isSafeInteger(line.points)).toBe(true);
        expect(line.points).toBeGreaterThan(0);
        if (rule.maxPerActivity !== undefined) expect(line.points).toBeLessThanOrEqual(rule.maxPerActivity);
        // The tier bonus never lowers points.
        const without = plain.find((other) => other.ruleId === line.ruleId)?.points ?? 0;
        expect(line.points).toBeGreaterThanOrEqual(without);
        // Uncapped, it is exactly the base with the bonus, floored.
        const base =
          BigInt(rule.points ?? 0) +
          (rule.perUnit !== undefined && event.kind === 'partnerActivity'
            ? exactPerUnit(rule.perUnit, event.units)
            : 0n);
        const bonused = Number((base * BigInt(100 + (rule.tierBonus[statusId] ?? 0))) / 100n);
        expect(line.points).toBeLessThanOrEqual(bonused);
        const capped = rule.maxPerActivity === undefined && rule.dailyCap === undefined;
        if (capped) expect(line.points).toBe(bonused);
        expect(line.reason.code).toBe(event.kind === 'partnerActivity' ? 'partner' : 'earn');
        earnedToday[line.ruleId] = (earnedToday[line.ruleId] ?? 0) + line.points;
      }
      expect(new Set(lines.map((line) => line.ruleId)).size).toBe(lines.length);
    }
    for (const rule of rules)
      if (rule.dailyCap !== undefined) expect(earnedToday[rule.id] ?? 0).toBeLessThanOrEqual(rule.dailyCap);
  });

  it('a capped rule reaches its cap exactly when the day has enough events', () => {
    const earnedToday: Record<string, number> = {};
    for (let i = 0; i < 20; i++) {
      const input = {
        event: { kind: 'gameFinished', gameId: 'plane', won: true } as const,
        statusId: 'guest',
        earnedToday,
      };
      for (const line of evaluateEarning(earningRules, input))
        earnedToday[line.ruleId] = (earnedToday[line.ruleId] ?? 0) + line.points;
    }
    expect(earnedToday).toEqual({ 'game-finished': 50, 'game-won': 100 });
  });
});
