import { describe, expect, it } from 'vitest';
import { ServerClock, secondsLeft } from '../../client/arcade/serverClock.ts';

describe('server clock estimate', () => {
  it('takes the least delayed patch, so it never runs ahead of the server', () => {
    const clock = new ServerClock();
    // True offset 1_000_000 ms; patches arrive 40, 5 and 90 ms after the server stamped them.
    const offset = 1_000_000;
    for (const [localAt, delay] of [
      [100, 40],
      [150, 5],
      [200, 90],
    ] as const)
      clock.sample(localAt - delay + offset, localAt);
    expect(clock.now(1_000)).toBe(1_000 + offset - 5);
    expect(clock.now(1_000)).toBeLessThanOrEqual(1_000 + offset);
  });

  it('forgets old samples, following a clock that moved', () => {
    const clock = new ServerClock();
    clock.sample(10_000, 0);
    for (let i = 1; i <= 40; i++) clock.sample(5_000 + i * 50, i * 50);
    expect(clock.now(3_000)).toBe(8_000);
  });

  it('ignores an empty `now` and falls back to the wall clock before the first patch', () => {
    const clock = new ServerClock();
    clock.sample(0, 10);
    expect(clock.ready).toBe(false);
    const before = Date.now();
    expect(clock.now(0)).toBeGreaterThanOrEqual(before);
    clock.sample(5_000, 1_000);
    expect(clock.ready).toBe(true);
    clock.reset();
    expect(clock.ready).toBe(false);
  });

  it('counts whole seconds down, never below zero', () => {
    expect(secondsLeft(10_000, 7_001)).toBe(3);
    expect(secondsLeft(10_000, 7_000)).toBe(3);
    expect(secondsLeft(10_000, 9_999)).toBe(1);
    expect(secondsLeft(10_000, 12_000)).toBe(0);
    expect(secondsLeft(0, 5)).toBe(0);
  });
});
