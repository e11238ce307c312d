import { formatWhen } from '../localTime.ts';
import { maxOf } from './scale.ts';

export interface AttendancePoint {
  time: number;
  present: number;
  label: string;
}

/** Attendance samples in time order with labels, the time span, the top count and the (first) peak. */
export function attendanceSeries(samples: readonly { at: string; present: number }[], locale: string) {
  const points: AttendancePoint[] = samples
    .map((sample) => ({ time: Date.parse(sample.at), present: sample.present, label: '' }))
    .filter((point) => Number.isFinite(point.time) && Number.isFinite(point.present))
    .sort((a, b) => a.time - b.time)
    .map((point) => ({ ...point, label: formatWhen(new Date(point.time).toISOString(), locale, false) }));
  const max = maxOf(points.map((point) => point.present));
  const peak = points.find((point) => point.present === max && max > 0) ?? null;
  return {
    points,
    start: points[0]?.time ?? 0,
    end: points[points.length - 1]?.time ?? 0,
    max,
    peak,
  };
}

/** Counts by key as bars, largest first; zero counts are kept so "failed: 0" still reads. */
export function countBars(counts: Record<string, number>): { key: string; value: number }[] {
  return Object.entries(counts)
    .filter(([, value]) => Number.isFinite(value))
    .map(([key, value]) => ({ key, value }))
    .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
}

/** True when a set of counts has nothing worth drawing. */
export const allZero = (values: readonly number[]) => values.every((value) => !(value > 0));
