import { describe, expect, it } from 'vitest';
import { aimFromDrag, clampAim, nudgeAim, throwInput } from '../../client/arcade/plane/aim.ts';
import { flightShowMs, pitchOnPath, pointOnPath } from '../../client/arcade/plane/flightPath.ts';
import { PLANE_ANGLE, PlaneThrow } from '../../shared/protocol/games.ts';

describe('Paper Plane aim', () => {
  it('keeps every aim inside what the server accepts, rounded as sent', () => {
    expect(clampAim({ angle: 120, power: 1.7 })).toEqual({ angle: PLANE_ANGLE.max, power: 1 });
    expect(clampAim({ angle: -4, power: -0.2 })).toEqual({ angle: PLANE_ANGLE.min, power: 0 });
    expect(clampAim({ angle: Number.NaN, power: Number.POSITIVE_INFINITY })).toEqual({ angle: 5, power: 0 });
    expect(clampAim({ angle: 33.333, power: 0.4567 })).toEqual({ angle: 33.3, power: 0.46 });
  });

  it('moves by keyboard steps and stops at the limits', () => {
    expect(nudgeAim({ angle: 30, power: 0.5 }, 2, -1)).toEqual({ angle: 32, power: 0.48 });
    expect(nudgeAim({ angle: 84.5, power: 0.99 }, 5, 5)).toEqual({ angle: 85, power: 1 });
  });

  it('turns a slingshot drag into an aim: pull back and down to throw up and forward', () => {
    expect(aimFromDrag(2, 1)).toBeNull();
    const flat = aimFromDrag(-120, 0, 240);
    expect(flat).toEqual({ angle: PLANE_ANGLE.min, power: 0.5 });
    const steep = aimFromDrag(-100, 100, 240);
    expect(steep?.angle).toBe(45);
    expect(steep?.power).toBeCloseTo(0.59, 2);
    expect(aimFromDrag(0, 500, 240)).toEqual({ angle: 85, power: 1 });
  });

  it('always builds a throw the protocol schema accepts', () => {
    for (const aim of [
      { angle: 0, power: 2 },
      { angle: 90, power: -1 },
      { angle: 45.55, power: 0.333 },
    ]) {
      const input = throwInput(2, aim);
      expect(PlaneThrow.safeParse(input).success).toBe(true);
    }
    expect(throwInput(1.7, { angle: 30, power: 0.6 })).toEqual({ turn: 1, angle: 30, power: 0.6 });
  });
});

describe('flight path', () => {
  const path = [0, 1.6, 5, 3, 10, 2, 12, 0];
  const out = { x: 0, y: 0 };

  it('interpolates evenly in time between the points the server sent', () => {
    expect(pointOnPath(path, 0, out)).toEqual({ x: 0, y: 1.6 });
    expect(pointOnPath(path, 1, out)).toEqual({ x: 12, y: 0 });
    expect(pointOnPath(path, 0.5, out)).toEqual({ x: 7.5, y: 2.5 });
    expect(pointOnPath(path, 7, out)).toEqual({ x: 12, y: 0 });
    expect(pointOnPath([], 0.5, out)).toEqual({ x: 0, y: 0 });
    expect(pointOnPath([3, 4], 0.5, out)).toEqual({ x: 3, y: 4 });
  });

  it('writes into the object it is given (no allocation per frame)', () => {
    const target = { x: 9, y: 9 };
    expect(pointOnPath(path, 0.25, target)).toBe(target);
  });

  it('pitches the plane along its direction of travel', () => {
    expect(pitchOnPath(path, 0)).toBeCloseTo(Math.atan2(1.4, 5));
    expect(pitchOnPath(path, 0.99)).toBeLessThan(0);
  });

  it('squeezes a long flight into the reveal, but shows even a short one', () => {
    expect(flightShowMs(2_800, 2_500)).toBe(2_500);
    expect(flightShowMs(1_200, 5_000)).toBe(1_200);
    expect(flightShowMs(2_800, 100)).toBe(600);
    expect(flightShowMs(300, 100)).toBe(300);
    expect(flightShowMs(0, 1_000)).toBe(0);
  });
});
