/** A point in chart pixels. */
export interface Point {
  x: number;
  y: number;
}

/** A round step (1, 2 or 5 × 10^n, at least 1) for about `target` steps up to `value`: counts stay whole. */
export function niceStep(value: number, target = 4): number {
  const raw = value / target;
  if (!Number.isFinite(raw) || raw <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((factor) => factor * magnitude >= raw) ?? 10) * magnitude;
}

/** A count axis from 0: its top (a whole number of steps at or above `value`) and its ticks. */
export function countAxis(value: number, target = 4): { max: number; ticks: number[] } {
  const step = niceStep(value, target);
  const max = Math.max(step, step * Math.ceil(Math.max(0, value) / step));
  return { max, ticks: Array.from({ length: max / step + 1 }, (_, index) => index * step) };
}

/** Maps a domain linearly onto a range; a flat domain maps everything to the range's start. */
export function linear(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value: number) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

const fixed = (value: number) => Math.round(value * 10) / 10;

/** An SVG path through points in order; '' for none. */
export function linePath(points: readonly Point[]): string {
  return points
    .map((point, index) => `${index === 0 ? 'M' : 'L'}${fixed(point.x)} ${fixed(point.y)}`)
    .join(' ');
}

/** The area under a line down to `baseY`, closed; '' for no points. */
export function areaPath(points: readonly Point[], baseY: number): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return '';
  return `${linePath(points)} L${fixed(last.x)} ${fixed(baseY)} L${fixed(first.x)} ${fixed(baseY)} Z`;
}

/** Slots of equal width across `width`, `gap` (a share of each slot, 0-1) left empty between them. */
export function bands(count: number, width: number, gap = 0.25): { x: number; width: number }[] {
  if (count <= 0) return [];
  const slot = width / count;
  return Array.from({ length: count }, (_, index) => ({
    x: fixed(index * slot + (slot * gap) / 2),
    width: fixed(slot * (1 - gap)),
  }));
}

/** The largest value, for scaling; 0 for none. */
export function maxOf(values: readonly number[]): number {
  return values.reduce((max, value) => (Number.isFinite(value) && value > max ? value : max), 0);
}

/** Evenly picks at most `count` indexes (always the first and last), for axis labels that do not collide. */
export function labelIndexes(length: number, count: number): number[] {
  if (length <= 0) return [];
  if (length <= count) return Array.from({ length }, (_, index) => index);
  const step = (length - 1) / Math.max(1, count - 1);
  return Array.from({ length: count }, (_, index) => Math.round(index * step));
}
