import { describe, expect, it } from 'vitest';
import {
  bagOffset,
  checkGrab,
  loopDistance,
  loopExtent,
  loopPoint,
} from '../../client/arcade/bags/carousel.ts';
import type { LiveBag } from '../../client/arcade/bags/liveBags.ts';
import { bagOwner, pickBag } from '../../client/arcade/bags/pickBag.ts';
import { bagPosition, loopDistance as serverLoopDistance } from '../../server/domain/games/bags.ts';
import { bagsGame } from '../../shared/content/games.ts';

const belt = { length: 36, speed: 1.5, reach: 1.5 };

describe('carousel positions', () => {
  it('places a bag where the server does, for one lap', () => {
    const rules = bagsGame.carousel;
    const scheduled = { id: 1, owner: 0, tag: 'HAN', spawnAt: 10_000, leavesAt: 10_000 + 24_000 };
    for (const t of [9_999, 10_000, 12_345, 20_000, 33_999, 34_000, 40_000]) {
      expect(bagOffset(scheduled.spawnAt, t, belt)).toEqual(bagPosition(scheduled, t, rules));
    }
  });

  it('measures reach around the loop as the server does', () => {
    for (const [a, b] of [
      [1, 35],
      [0, 18],
      [10, 12.5],
    ] as const)
      expect(loopDistance(a, b, 36)).toBe(serverLoopDistance(a, b, 36));
  });

  it('lets a grab go out only when the bag is in reach at the moment sent', () => {
    // Station at 18 m; the bag reaches 16.5 m 11 s after spawning.
    expect(checkGrab(0, 11_000, 18, belt)).toBe('inReach');
    expect(checkGrab(0, 10_900, 18, belt)).toBe('outOfReach');
    expect(checkGrab(0, 13_000, 18, belt)).toBe('inReach');
    expect(checkGrab(0, 13_100, 18, belt)).toBe('outOfReach');
    // Stamped before the bag existed: never sent (the server would drop us).
    expect(checkGrab(5_000, 4_999, 0, belt)).toBe('outOfReach');
    expect(checkGrab(0, 24_000, 0, belt)).toBe('gone');
  });

  it('draws the loop as a closed stadium, continuous all the way round', () => {
    const a = { x: 0, z: 0 };
    const b = { x: 0, z: 0 };
    const { halfX, halfZ } = loopExtent(36);
    for (let s = 0; s < 36; s += 0.25) {
      loopPoint(s, 36, a);
      loopPoint(s + 0.25, 36, b);
      expect(Math.hypot(b.x - a.x, b.z - a.z)).toBeLessThanOrEqual(0.2501);
      expect(Math.abs(a.x)).toBeLessThanOrEqual(halfX + 1e-9);
      expect(Math.abs(a.z)).toBeLessThanOrEqual(halfZ + 1e-9);
    }
    expect(loopPoint(36, 36, a)).toEqual(loopPoint(0, 36, b));
  });
});

describe('which bag the Grab key takes', () => {
  const bag = (id: number, tag: string, spawnAt: number, takenBy = ''): LiveBag => ({
    id,
    tag,
    spawnAt,
    takenBy,
    takenSeenAt: 0,
  });

  it('tells ours, priority, other stations and decoys apart', () => {
    expect(bagOwner('HAN', 'HAN', ['HAN', 'SGN'])).toBe('mine');
    expect(bagOwner('PRIORITY', 'HAN', ['HAN'])).toBe('priority');
    expect(bagOwner('SGN', 'HAN', ['HAN', 'SGN'])).toBe('other');
    expect(bagOwner('NRT', 'HAN', ['HAN', 'SGN'])).toBe('decoy');
  });

  it('takes the nearest of our bags in reach, never anyone else’s', () => {
    const t = 12_000; // a bag spawned at 0 is at 18 m, at 1_000 at 16.5 m
    const bags = [
      bag(1, 'SGN', 0),
      bag(2, 'HAN', 1_000),
      bag(3, 'PRIORITY', 0),
      bag(4, 'HAN', 0, 'someone'),
      bag(5, 'HAN', 6_000),
    ];
    const context = { t, station: 18, myTag: 'HAN', belt };
    expect(pickBag(bags, new Set(), context)).toBe(3);
    expect(pickBag(bags, new Set([3]), context)).toBe(2);
    expect(pickBag(bags, new Set([2, 3]), context)).toBeNull();
  });
});
