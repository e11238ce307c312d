import { isoDayOf, ProgramAnalyticsQuery } from '../../../shared/protocol/analytics.ts';

/** A period of UTC days, both ends included. */
export interface Period {
  from: string;
  to: string;
}

/** The quick choices of the period picker, in days up to today. */
export const PRESET_DAYS = [7, 30, 90] as const;

const DAY_MS = 86_400_000;

/** The last `days` UTC days, today included. */
export function lastDays(days: number, now = Date.now()): Period {
  return { from: isoDayOf(now - (days - 1) * DAY_MS), to: isoDayOf(now) };
}

/** Whether the server will take the period (calendar days, from <= to, at most 366 days). */
export const periodAccepted = (period: Period): boolean => ProgramAnalyticsQuery.safeParse(period).success;
