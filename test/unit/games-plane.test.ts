import { describe, expect, it } from 'vitest';
import {
  flyPlane,
  judgeThrow,
  PLANE_PHYSICS,
  planeScore,
  throwPoints,
  windFor,
} from '../../server/domain/games/plane.ts';
import { PlaneThrow } from '../../shared/protocol/games.ts';

const round = (over: Partial<Parameters<typeof judgeThrow>[0]> = {}) => ({
  phase: 'playing' as const,
  turn: 1,
  turns: 3,
  thrown: new Set([0]),
  ...over,
});

describe('Paper Plane wind', () => {
  it('is the same for the same seed and throw, and differs between throws and seeds', () => {
    expect(windFor(42, 0, 3)).toBe(windFor(42, 0, 3));
    const winds = [0, 1, 2].map((turn) => windFor(42, turn, 3));
    expect(new Set(winds).size).toBeGreaterThan(1);
    expect([1, 2, 3, 4].map((seed) => windFor(seed, 0, 3))).not.toEqual(
      [1, 2, 3, 4].map(() => windFor(1, 0, 3)),
    );
  });

  it('stays within the content limit, to a tenth of a metre per second', () => {
    for (let seed = 0; seed < 500; seed++) {
      const wind = windFor(seed * 7919, seed % 3, 3);
      expect(Math.abs(wind)).toBeLessThanOrEqual(3);
      expect(Math.round(wind * 10)).toBeCloseTo(wind * 10, 9);
    }
    expect(windFor(9, 1, 0)).toBe(0);
  });
});

describe('Paper Plane flight', () => {
  it('is deterministic: the same throw in the same wind lands on the same centimetre', () => {
    const a = flyPlane({ angle: 23.5, power: 0.87 }, -1.4);
    const b = flyPlane({ angle: 23.5, power: 0.87 }, -1.4);
    expect(b).toEqual(a);
    expect(a.path).toHaveLength(PLANE_PHYSICS.pathPoints * 2);
    expect(a.path.slice(0, 2)).toEqual([0, PLANE_PHYSICS.launchHeightM]);
    expect(a.path.at(-1)).toBe(0);
  });

  it('flies further with more power, and a tailwind helps against a headwind', () => {
    const distances = [0, 0.25, 0.5, 0.75, 1].map((power) => flyPlane({ angle: 25, power }, 0).distance);
    expect([...distances].sort((x, y) => x - y)).toEqual(distances);
    expect(flyPlane({ angle: 25, power: 1 }, 3).distance).toBeGreaterThan(
      flyPlane({ angle: 25, power: 1 }, -3).distance,
    );
  });

  it('rewards a good angle: a flat glide beats a throw straight up, and the best angle moves with the wind', () => {
    expect(flyPlane({ angle: 20, power: 1 }, 0).distance).toBeGreaterThan(20);
    expect(flyPlane({ angle: 85, power: 1 }, 0).distance).toBeLessThan(2);
    const bestAngle = (wind: number) => {
      let best = { angle: 0, distance: 0 };
      for (let angle = 5; angle <= 85; angle++) {
        const { distance } = flyPlane({ angle, power: 1 }, wind);
        if (distance > best.distance) best = { angle, distance };
      }
      return best.angle;
    };
    expect(bestAngle(3)).toBeGreaterThan(bestAngle(-3));
  });

  it('scores the best of the throws in whole centimetres', () => {
    expect(throwPoints(12.345)).toBe(1235);
    expect(throwPoints(-1)).toBe(0);
    expect(planeScore([12.345, 20.001, 0])).toBe(2000);
    expect(planeScore([])).toBe(0);
  });
});

describe('Paper Plane inputs', () => {
  it('takes the current throw once, in its window', () => {
    expect(judgeThrow(round(), { turn: 1 })).toBe('accepted');
    expect(judgeThrow(round(), { turn: 0 })).toBe('duplicate');
    expect(judgeThrow(round({ thrown: new Set() }), { turn: 0 })).toBe('late');
    expect(judgeThrow(round({ phase: 'reveal' }), { turn: 1 })).toBe('late');
    expect(judgeThrow(round({ phase: 'countdown', turn: 0 }), { turn: 0 })).toBe('notNow');
  });

  it('calls a throw for a turn not yet open, or beyond the last, impossible', () => {
    expect(judgeThrow(round(), { turn: 2 })).toBe('impossible');
    expect(judgeThrow(round({ phase: 'lobby' }), { turn: 3 })).toBe('impossible');
  });

  it('refuses out-of-range, malformed and forged throws at the schema', () => {
    expect(PlaneThrow.safeParse({ turn: 0, angle: 30, power: 0.5 }).success).toBe(true);
    for (const bad of [
      { turn: 0, angle: 90, power: 0.5 },
      { turn: 0, angle: 30, power: 1.5 },
      { turn: 0, angle: Number.NaN, power: 0.5 },
      { turn: -1, angle: 30, power: 0.5 },
      { turn: 0, angle: '30', power: 0.5 },
      { turn: 0, angle: 30, power: 0.5, score: 9999 },
    ])
      expect(PlaneThrow.safeParse(bad).success).toBe(false);
  });
});
