import { describe, expect, it } from 'vitest';
import {
  flyPlane,
  judgeThrow,
  launchAirspeed,
  PLANE_PHYSICS,
  planeScore,
  throwPoints,
  windFor,
} from '../../server/domain/games/plane.ts';
import { powerForAirspeed } from '../../server/domain/games/plane-par.ts';
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

  it('flies further with more power inside the glide airspeed, and a tailwind helps against a headwind', () => {
    const glide = PLANE_PHYSICS.glideAirspeedMps;
    const distances = [glide.min, (glide.min + glide.max) / 2, glide.max - 0.01].map(
      (airspeed) => flyPlane({ angle: 20, power: powerForAirspeed(20, 0, airspeed) }, 0).distance,
    );
    expect([...distances].sort((x, y) => x - y)).toEqual(distances);
    const skilled = (wind: number) =>
      flyPlane({ angle: 20, power: powerForAirspeed(20, wind, glide.max - 0.2) }, wind).distance;
    expect(skilled(3)).toBeGreaterThan(skilled(-3));
  });

  it('tumbles a throw too hard or too soft for the wind, and it falls short', () => {
    const calm = flyPlane({ angle: 20, power: powerForAirspeed(20, 0, 11) }, 0);
    expect(calm.tumbled).toBe(false);
    for (const power of [0.1, 1]) {
      const tumbled = flyPlane({ angle: 20, power }, 0);
      expect(tumbled.tumbled).toBe(true);
      expect(tumbled.distance).toBeLessThan(calm.distance * 0.8);
    }
    expect(launchAirspeed({ angle: 0, power: 0.5 }, -2)).toBeCloseTo(12, 9);
  });

  it('rewards a good angle: a flat glide beats a throw straight up, and the right power moves with the wind', () => {
    const top = PLANE_PHYSICS.glideAirspeedMps.max - 0.01;
    const fly = (angle: number, wind: number) =>
      flyPlane({ angle, power: powerForAirspeed(angle, wind, top) }, wind).distance;
    expect(fly(20, 0)).toBeGreaterThan(14);
    expect(fly(85, 0)).toBeLessThan(2);
    expect(powerForAirspeed(20, 3, top)).toBeGreaterThan(powerForAirspeed(20, -3, top) + 0.4);
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
