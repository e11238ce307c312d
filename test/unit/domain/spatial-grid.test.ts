import { describe, expect, it } from 'vitest';
import { NearestHeap } from '../../../server/domain/grid-nearest.ts';
import { SpatialGrid } from '../../../server/domain/spatial-grid.ts';
import { planarLength } from '../../../shared/movement.ts';

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('planarLength', () => {
  it('equals Math.hypot to the last bit, special values included', () => {
    const random = lcg(9);
    const scales = [1e-6, 1, 40, 300, 1e9];
    for (let n = 0; n < 200_000; n++) {
      const scale = scales[n % scales.length] as number;
      const dx = (random() - 0.5) * scale;
      const dz = (random() - 0.5) * scale * (n % 7 === 0 ? 1e-9 : 1);
      if (planarLength(dx, dz) !== Math.hypot(dx, dz)) expect(planarLength(dx, dz)).toBe(Math.hypot(dx, dz));
    }
    for (const [dx, dz] of [
      [3, 4],
      [0, 0],
      [-0, 0],
      [30, 0],
      [0, -33],
      [Number.NaN, 1],
      [Number.NaN, Number.POSITIVE_INFINITY],
      [Number.NEGATIVE_INFINITY, 2],
      [Number.MAX_VALUE, Number.MAX_VALUE],
      [Number.MIN_VALUE, 0],
    ] as const)
      expect(Object.is(planarLength(dx, dz), Math.hypot(dx, dz))).toBe(true);
  });
});

describe('SpatialGrid', () => {
  it('puts every pair within a cell size of each other in neighbouring cells, indices ascending per cell', () => {
    const random = lcg(4);
    const grid = new SpatialGrid(10);
    for (const [count, spread] of [
      [500, 100],
      [50, 5],
      [1, 0],
      [0, 0],
      [300, 1000],
    ] as const) {
      const xs = Float64Array.from({ length: count }, () => (random() - 0.5) * spread);
      const zs = Float64Array.from({ length: count }, () => (random() - 0.5) * spread);
      grid.build(xs, zs, count);
      const cellOf = new Int32Array(count);
      let total = 0;
      for (let cell = 0; cell < grid.cols * grid.rows; cell++) {
        const start = grid.cellStart[cell] as number;
        const end = grid.cellStart[cell + 1] as number;
        for (let n = start; n < end; n++) {
          const i = grid.items[n] as number;
          cellOf[i] = cell;
          if (n > start) expect(i).toBeGreaterThan(grid.items[n - 1] as number);
          expect(grid.cellX(xs[i] as number) + grid.cellZ(zs[i] as number) * grid.cols).toBe(cell);
          total++;
        }
      }
      expect(total).toBe(count);
      for (let i = 0; i < count; i++)
        for (let j = 0; j < count; j++) {
          if (Math.hypot((xs[i] as number) - (xs[j] as number), (zs[i] as number) - (zs[j] as number)) > 10)
            continue;
          const a = cellOf[i] as number;
          const b = cellOf[j] as number;
          expect(Math.abs((a % grid.cols) - (b % grid.cols))).toBeLessThanOrEqual(1);
          expect(Math.abs(Math.floor(a / grid.cols) - Math.floor(b / grid.cols))).toBeLessThanOrEqual(1);
        }
    }
  });

  it('widens its cells rather than its buffers for a far-flung point, and files non-finite points at an edge', () => {
    const grid = new SpatialGrid(1);
    const xs = Float64Array.from([0, 1e9, Number.NaN, Number.POSITIVE_INFINITY]);
    const zs = Float64Array.from([0, -1e9, 0, Number.NEGATIVE_INFINITY]);
    grid.build(xs, zs, 4);
    expect(grid.cols).toBeLessThanOrEqual(256);
    expect(grid.rows).toBeLessThanOrEqual(256);
    expect(grid.cellStart[grid.cols * grid.rows]).toBe(4);
    expect(grid.cellX(Number.NaN)).toBe(0);
    expect(grid.cellX(Number.POSITIVE_INFINITY)).toBe(grid.cols - 1);
  });
});

describe('NearestHeap', () => {
  it('keeps the smallest keys, ties to the lower index, as a stable sort cut to length would', () => {
    const random = lcg(12);
    const heap = new NearestHeap();
    for (let round = 0; round < 200; round++) {
      const count = Math.floor(random() * 300);
      const capacity = Math.floor(random() * 120);
      // Coarse keys, so ties are common.
      const keys = Array.from({ length: count }, () => Math.floor(random() * 20));
      heap.reset(capacity, Float64Array.from(keys));
      for (let index = 0; index < count; index++) heap.offer(index);
      const expected = keys
        .map((key, index) => ({ key, index }))
        .sort((a, b) => a.key - b.key)
        .slice(0, capacity)
        .map(({ index }) => index)
        .sort((a, b) => a - b);
      const held = Array.from({ length: heap.size }, (_, k) => heap.indexAt(k)).sort((a, b) => a - b);
      expect(held).toEqual(expected);
    }
    heap.reset(Number.POSITIVE_INFINITY, new Float64Array(500));
    for (let i = 0; i < 500; i++) heap.offer(i);
    expect(heap.size).toBe(500);
  });
});
