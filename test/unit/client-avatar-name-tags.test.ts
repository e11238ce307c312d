import { describe, expect, it } from 'vitest';
import {
  MAX_TAGS,
  nameFontPx,
  nearestTags,
  TAG_HIDE_M,
  tagAlpha,
  tagScale,
} from '../../client/lounge/scene/avatars/nameTagLod.ts';

describe('name tag level of detail', () => {
  it('keeps a name at least 12 px tall on a 1280x800 canvas (fov 50) out to 20 m', () => {
    for (const distance of [2, 3, 8, 12, 16, 20, 24])
      expect(nameFontPx(distance, 800, 50)).toBeGreaterThanOrEqual(12);
    expect(nameFontPx(20, 800, 50)).toBeCloseTo(nameFontPx(10, 800, 50));
    expect(tagScale(2)).toBe(0.5);
    expect(tagScale(20)).toBe(2);
    expect(tagScale(100)).toBe(2.4);
  });

  it('fades tags out towards 30 m and hides them beyond', () => {
    expect(tagAlpha(20)).toBe(1);
    expect(tagAlpha(28)).toBeGreaterThan(0);
    expect(tagAlpha(28)).toBeLessThan(1);
    expect(tagAlpha(TAG_HIDE_M)).toBe(0);
    expect(tagAlpha(45)).toBe(0);
  });

  it('keeps only the nearest tags, nearest first', () => {
    const distances = new Float32Array([9, 2, 7, 1, 5, 3]);
    const order = new Uint16Array(3);
    expect(nearestTags(distances, 6, 3, order)).toBe(3);
    expect(Array.from(order)).toEqual([3, 1, 5]);
    const crowd = Float32Array.from({ length: 200 }, (_, i) => (i * 37) % 200);
    const kept = new Uint16Array(MAX_TAGS);
    expect(nearestTags(crowd, 200, MAX_TAGS, kept)).toBe(MAX_TAGS);
    expect(Array.from(kept, (i) => crowd[i])).toEqual(Array.from({ length: MAX_TAGS }, (_, i) => i));
    expect(nearestTags(distances, 2, 3, order)).toBe(2);
  });
});
