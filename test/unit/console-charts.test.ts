import { describe, expect, it } from 'vitest';
import {
  areaPath,
  bands,
  countAxis,
  labelIndexes,
  linear,
  linePath,
  maxOf,
  niceStep,
} from '../../client/console/charts/scale.ts';
import { allZero, attendanceSeries, countBars } from '../../client/console/charts/series.ts';

describe('chart scales', () => {
  it('picks round, whole-number steps for count axes', () => {
    expect(niceStep(0)).toBe(1);
    expect(niceStep(3)).toBe(1);
    expect(niceStep(37)).toBe(10);
    expect(niceStep(137)).toBe(50);
    expect(countAxis(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(countAxis(3)).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
    expect(countAxis(37)).toEqual({ max: 40, ticks: [0, 10, 20, 30, 40] });
    expect(countAxis(1000)).toEqual({ max: 1000, ticks: [0, 500, 1000] });
  });

  it('maps linearly, inverted ranges included, and survives a flat domain', () => {
    const y = linear([0, 40], [180, 20]);
    expect(y(0)).toBe(180);
    expect(y(40)).toBe(20);
    expect(y(10)).toBe(140);
    expect(linear([5, 5], [10, 90])(5)).toBe(10);
  });

  it('draws line and area paths', () => {
    const points = [
      { x: 0, y: 10 },
      { x: 50.04, y: 5.55 },
      { x: 100, y: 0 },
    ];
    expect(linePath(points)).toBe('M0 10 L50 5.6 L100 0');
    expect(areaPath(points, 20)).toBe('M0 10 L50 5.6 L100 0 L100 20 L0 20 Z');
    expect(linePath([])).toBe('');
    expect(areaPath([], 20)).toBe('');
  });

  it('lays bars out in equal slots with gaps', () => {
    expect(bands(2, 100, 0.2)).toEqual([
      { x: 5, width: 40 },
      { x: 55, width: 40 },
    ]);
    expect(bands(0, 100)).toEqual([]);
  });

  it('labels the first and last points and a few between', () => {
    expect(labelIndexes(3, 5)).toEqual([0, 1, 2]);
    expect(labelIndexes(61, 3)).toEqual([0, 30, 60]);
    expect(labelIndexes(0, 3)).toEqual([]);
    expect(maxOf([3, Number.NaN, 9, 2])).toBe(9);
    expect(maxOf([])).toBe(0);
  });
});

describe('chart series', () => {
  it('orders attendance by time and finds the first peak', () => {
    const series = attendanceSeries(
      [
        { at: '2026-04-01T10:02:00Z', present: 4 },
        { at: '2026-04-01T10:00:00Z', present: 1 },
        { at: '2026-04-01T10:01:00Z', present: 4 },
        { at: 'garbage', present: 99 },
      ],
      'en',
    );
    expect(series.points.map((point) => point.present)).toEqual([1, 4, 4]);
    expect(series.start).toBe(Date.parse('2026-04-01T10:00:00Z'));
    expect(series.end).toBe(Date.parse('2026-04-01T10:02:00Z'));
    expect(series.max).toBe(4);
    expect(series.peak?.time).toBe(Date.parse('2026-04-01T10:01:00Z'));
    expect(series.points[0]?.label).toMatch(/\d{2}:\d{2}/);
  });

  it('has no peak and no points for empty or all-zero attendance', () => {
    expect(attendanceSeries([], 'en')).toMatchObject({ points: [], max: 0, peak: null });
    expect(attendanceSeries([{ at: '2026-04-01T10:00:00Z', present: 0 }], 'en').peak).toBeNull();
  });

  it('sorts status counts largest first and spots empty data', () => {
    expect(countBars({ queued: 2, delivered: 5, failed: 0, mined: 2 })).toEqual([
      { key: 'delivered', value: 5 },
      { key: 'mined', value: 2 },
      { key: 'queued', value: 2 },
      { key: 'failed', value: 0 },
    ]);
    expect(allZero([0, 0])).toBe(true);
    expect(allZero([])).toBe(true);
    expect(allZero([0, 1])).toBe(false);
  });
});
