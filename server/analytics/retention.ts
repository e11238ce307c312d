import { RETENTION_WEEKS } from '../../shared/protocol/analytics.ts';
import { addDays, isoWeekLabel } from './days.ts';

/** One weekly cohort's row: members active in each week +1..+8 after their first week; null for weeks not begun. */
export interface RetentionRow {
  cohort: string;
  weekStart: string;
  size: number;
  active: (number | null)[];
}

/**
 * Builds a cohort's retention row from its size and per-week counts (`counts[k]` = members active in week +k).
 * A week that has not begun by `today` is null (unknown), not 0; a begun week without a count is 0.
 */
export function retentionRow(
  weekStart: string,
  size: number,
  counts: ReadonlyMap<number, number>,
  today: string,
): RetentionRow {
  const active = Array.from({ length: RETENTION_WEEKS }, (_, index) => {
    const week = index + 1;
    return addDays(weekStart, 7 * week) > today ? null : (counts.get(week) ?? 0);
  });
  return { cohort: isoWeekLabel(weekStart), weekStart, size, active };
}

/** A share of a cohort as a whole percent, or null when unknown or the cohort is empty. */
export const retentionPercent = (active: number | null, size: number): number | null =>
  active === null || size === 0 ? null : Math.round((100 * active) / size);
