import { describe, expect, it } from 'vitest';
import { buildZoneIndex, zoneMaskAt, zonesAt } from '../../../server/domain/lounge-zones.ts';
import { loungeLayout } from '../../../shared/content/lounge-layout.ts';

/** Small deterministic generator so a failure replays. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('zone index (allocation-free zone checks)', () => {
  const index = buildZoneIndex(loungeLayout.zones);

  it('gives the same zones as zonesAt on random points, edges included', () => {
    const random = lcg(23);
    for (let n = 0; n < 20_000; n++) {
      const x = (random() - 0.5) * 40;
      const z = (random() - 0.5) * 40;
      const mask = zoneMaskAt(x, z, index);
      const fromMask = new Set(index.ids.filter((_, i) => (mask & (1 << i)) !== 0));
      expect(fromMask).toEqual(zonesAt(x, z, loungeLayout.zones));
    }
    for (const zone of loungeLayout.zones) {
      const onEdge = zoneMaskAt(zone.x + zone.radius, zone.z, index);
      expect(onEdge & (1 << index.ids.indexOf(zone.id))).not.toBe(0);
    }
  });

  it('refuses more zones than a mask holds', () => {
    const many = Array.from({ length: 32 }, (_, i) => ({ id: `z${i}`, x: i, z: 0, radius: 1 }));
    expect(() => buildZoneIndex(many)).toThrow(/31 zones/);
  });
});
