import { describe, expect, it } from 'vitest';
import {
  bagPosition,
  type CarouselRules,
  type CarouselState,
  GRAB_REACH_SLACK_M,
  GRAB_WINDOW_MS,
  type Grab,
  loopDistance,
  PRIORITY,
  resolveGrabs,
  type ScheduledBag,
  scheduleBags,
  stationPositions,
} from '../../server/domain/games/bags.ts';
import { bagsGame } from '../../shared/content/games.ts';
import { BagGrab } from '../../shared/protocol/games.ts';

const rules: CarouselRules = {
  ...bagsGame.carousel,
  lengthM: 40,
  speedMps: 2,
  reachM: 1.5,
  wrongPenalty: 50,
};
const T0 = 5_000_000;
// Stations at 10 m and 10.5 m (both reach the same bags) and 30 m.
const stations = [10, 10.5, 30];
const bag = (id: number, owner: number, spawnAt = T0): ScheduledBag => ({
  id,
  owner,
  tag: 'X',
  spawnAt,
  leavesAt: spawnAt + (rules.lengthM / rules.speedMps) * 1000,
});
// A bag spawned at T0 is at 10 m at T0 + 5 s.
const AT_10M = T0 + 5_000;
const bags = new Map(
  [bag(1, 0), bag(2, 1), bag(3, -1), bag(4, PRIORITY), bag(5, 0, AT_10M + 60_000)].map((b) => [b.id, b]),
);
const empty = (): CarouselState => ({ taken: new Map(), scores: new Map(), wrongs: new Set() });
const grab = (key: string, order: number, over: Partial<Grab>): Grab => ({
  key,
  order,
  station: order,
  bagId: 1,
  t: AT_10M,
  receivedAt: AT_10M + 20,
  ...over,
});
const resolve = (grabs: Grab[], state = empty()) => resolveGrabs(state, grabs, { bags, stations, rules });
const outcomes = (grabs: Grab[], state = empty()) =>
  resolve(grabs, state).results.map((r) => [r.grab.key, r.outcome, r.points]);

describe('Baggage Rush carousel', () => {
  it('schedules the same bags and tags from the same seed', () => {
    const a = scheduleBags(99, { stations: 3, startAt: T0, endAt: T0 + 45_000 }, bagsGame.carousel);
    expect(scheduleBags(99, { stations: 3, startAt: T0, endAt: T0 + 45_000 }, bagsGame.carousel)).toEqual(a);
    expect(scheduleBags(98, { stations: 3, startAt: T0, endAt: T0 + 45_000 }, bagsGame.carousel)).not.toEqual(
      a,
    );
    expect(a.stationTags).toHaveLength(3);
    expect(a.bags.length).toBeGreaterThan(30);
    for (const [index, scheduled] of a.bags.entries()) {
      expect(scheduled.id).toBe(index);
      expect(scheduled.spawnAt).toBeGreaterThanOrEqual(T0);
      expect(scheduled.spawnAt).toBeLessThan(T0 + 45_000);
      if (scheduled.owner >= 0) expect(scheduled.tag).toBe(a.stationTags[scheduled.owner]);
      if (scheduled.owner === -1) expect(a.stationTags).not.toContain(scheduled.tag);
    }
    const owners = new Set(a.bags.map((b) => b.owner));
    expect(owners).toEqual(new Set([-2, -1, 0, 1, 2]));
  });

  it('moves bags along the loop and off it after one lap', () => {
    const b = bag(9, 0);
    expect(bagPosition(b, T0 - 1, rules)).toBeNull();
    expect(bagPosition(b, T0, rules)).toBe(0);
    expect(bagPosition(b, AT_10M, rules)).toBe(10);
    expect(bagPosition(b, b.leavesAt - 1, rules)).toBeCloseTo(40, 2);
    expect(bagPosition(b, b.leavesAt, rules)).toBeNull();
    expect(loopDistance(39, 1, 40)).toBe(2);
    expect(stationPositions(4, 40)).toEqual([5, 15, 25, 35]);
  });
});

describe('Baggage Rush grabs', () => {
  it('gives a right bag in reach to its owner', () => {
    const { state, results } = resolve([grab('a', 0, {})]);
    expect(results[0]).toMatchObject({ outcome: 'accepted', points: rules.rightPoints });
    expect(state.taken.get(1)).toEqual({ by: 'a', at: AT_10M + 20 });
    expect(state.scores.get('a')).toBe(rules.rightPoints);
  });

  it('counts a replayed grab once', () => {
    expect(outcomes([grab('a', 0, {}), grab('a', 0, { receivedAt: AT_10M + 30 })])).toEqual([
      ['a', 'accepted', 100],
      ['a', 'duplicate', 0],
    ]);
  });

  it('takes points for a wrong bag once, never below zero, and leaves it on the belt', () => {
    const start: CarouselState = { ...empty(), scores: new Map([['a', 30]]) };
    const { state, results } = resolve(
      [grab('a', 0, { bagId: 3 }), grab('a', 0, { bagId: 3, receivedAt: AT_10M + 25 })],
      start,
    );
    expect(results.map((r) => [r.outcome, r.points])).toEqual([
      ['wrong', -30],
      ['duplicate', 0],
    ]);
    expect(state.scores.get('a')).toBe(0);
    expect(state.taken.has(3)).toBe(false);
    expect(outcomes([grab('b', 1, { bagId: 1 })])).toEqual([['b', 'wrong', 0]]);
  });

  it('resolves a tie on a priority bag by receive time, then by join order', () => {
    const first = grab('b', 1, { bagId: 4, receivedAt: AT_10M + 10 });
    const second = grab('a', 0, { bagId: 4, receivedAt: AT_10M + 11 });
    expect(outcomes([second, first])).toEqual([
      ['b', 'accepted', 100],
      ['a', 'taken', 0],
    ]);
    const same = [grab('b', 1, { bagId: 4 }), grab('a', 0, { bagId: 4 })];
    expect(outcomes(same)).toEqual([
      ['a', 'accepted', 100],
      ['b', 'taken', 0],
    ]);
    // The order the grabs arrive in the batch changes nothing.
    expect(outcomes([...same].reverse())).toEqual(outcomes(same));
  });

  it('forgives a little lag and a near miss, and calls a bag that has left gone', () => {
    // Claimed 400 ms before it arrived, the bag was 0.8 m short of the station: in reach then.
    expect(outcomes([grab('a', 0, { t: AT_10M - 400, receivedAt: AT_10M })])[0]?.[1]).toBe('accepted');
    // 2 m away: beyond reach, within the slack.
    expect(outcomes([grab('a', 0, { t: AT_10M - 1_000, receivedAt: AT_10M - 900 })])[0]?.[1]).toBe('missed');
    expect(outcomes([grab('a', 0, { receivedAt: AT_10M + GRAB_WINDOW_MS + 1 })])[0]?.[1]).toBe('late');
    const leaves = bags.get(1)!.leavesAt;
    expect(outcomes([grab('a', 0, { t: leaves + 10, receivedAt: leaves + 20 })])[0]?.[1]).toBe('gone');
  });

  it('calls a grab far out of reach, of an unknown bag, of a bag not yet out, or from the future impossible', () => {
    const farT = AT_10M + ((rules.reachM + GRAB_REACH_SLACK_M + 0.5) / rules.speedMps) * 1000;
    expect(outcomes([grab('a', 0, { t: farT, receivedAt: farT + 5 })])[0]?.[1]).toBe('impossible');
    expect(outcomes([grab('a', 0, { bagId: 77 })])[0]?.[1]).toBe('impossible');
    expect(outcomes([grab('a', 0, { bagId: 5 })])[0]?.[1]).toBe('impossible');
    expect(outcomes([grab('a', 0, { t: AT_10M + 1_000 })])[0]?.[1]).toBe('impossible');
    expect(outcomes([grab('a', 0, { t: T0 - 10 })])[0]?.[1]).toBe('impossible');
    // Even for a bag someone else already took.
    const taken: CarouselState = { ...empty(), taken: new Map([[4, { by: 'b', at: AT_10M }]]) };
    expect(outcomes([grab('c', 2, { bagId: 4 })], taken)[0]?.[1]).toBe('impossible');
    expect(outcomes([grab('a', 0, { bagId: 4 })], taken)[0]?.[1]).toBe('taken');
  });

  it('ignores everything else a dropped sender sent in the same tick', () => {
    const { state, results } = resolve([
      grab('a', 0, { bagId: 77, receivedAt: AT_10M + 1 }),
      grab('a', 0, { bagId: 1, receivedAt: AT_10M + 2 }),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['impossible', 'impossible']);
    expect(state.taken.size).toBe(0);
  });

  it('refuses malformed grabs and a forged score at the schema', () => {
    expect(BagGrab.safeParse({ bagId: 3, t: AT_10M }).success).toBe(true);
    for (const bad of [
      { bagId: -1, t: 1 },
      { bagId: 1.5, t: 1 },
      { bagId: 1 },
      { bagId: 1, t: 1, score: 100 },
    ])
      expect(BagGrab.safeParse(bad).success).toBe(false);
  });
});
