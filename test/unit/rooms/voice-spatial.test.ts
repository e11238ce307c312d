import { describe, expect, it } from 'vitest';
import { facing, inverseGain, PANNER_SETTINGS } from '../../../client/lounge/voice/spatial.ts';

describe('lounge voice panning', () => {
  it('faces +z at heading 0 and +x at a quarter turn (the avatars’ convention)', () => {
    expect(facing(0).x).toBeCloseTo(0);
    expect(facing(0).z).toBeCloseTo(1);
    expect(facing(Math.PI / 2).x).toBeCloseTo(1);
    expect(facing(Math.PI / 2).z).toBeCloseTo(0);
  });

  it('is full volume up close, quieter with distance, and no quieter past the earshot edge', () => {
    expect(inverseGain(0)).toBe(1);
    expect(inverseGain(PANNER_SETTINGS.refDistance)).toBe(1);
    const at2 = inverseGain(2);
    const at10 = inverseGain(10);
    expect(at2).toBeGreaterThan(at10);
    expect(at2).toBeGreaterThan(0.6);
    expect(at10).toBeLessThan(0.2);
    expect(inverseGain(30)).toBe(inverseGain(PANNER_SETTINGS.maxDistance));
  });
});
