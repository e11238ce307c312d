import { z } from 'zod';
import { MemberLocale } from './sign-in.ts';

/** The longest period one analytics query covers (a year, leap day included). */
export const ANALYTICS_PERIOD_MAX_DAYS = 366;

const DAY_MS = 86_400_000;
const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && isoDayOf(Date.parse(day)) === day, {
    message: 'not a calendar day',
  });

/** `YYYY-MM-DD` of a UTC instant. */
export const isoDayOf = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** Days from `from` to `to`, both included (1 when they are the same day). */
export const periodDays = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;

/**
 * Query of the program analytics routes: a period of UTC days, both ends included, at most a year long; `lang` names
 * quests and steps in a CSV export (the page names them itself).
 */
export const ProgramAnalyticsQuery = z
  .strictObject({ from: IsoDay, to: IsoDay, lang: MemberLocale.default('en') })
  .refine((period) => period.from <= period.to, { message: 'from must not be after to', path: ['from'] })
  .refine((period) => periodDays(period.from, period.to) <= ANALYTICS_PERIOD_MAX_DAYS, {
    message: `a period is at most ${ANALYTICS_PERIOD_MAX_DAYS} days`,
    path: ['to'],
  });
export type ProgramAnalyticsQuery = z.infer<typeof ProgramAnalyticsQuery>;

/** The tables of the analytics page, each one CSV export. */
export const ANALYTICS_TABLES = [
  'members',
  'newMembers',
  'activity',
  'retention',
  'questFunnels',
  'stamps',
  'prizes',
  'games',
  'events',
] as const;
export const AnalyticsTable = z.enum(ANALYTICS_TABLES);
export type AnalyticsTable = z.infer<typeof AnalyticsTable>;

/** Path parameters of the CSV export (`/program/:table.csv`). */
export const AnalyticsCsvParams = z.strictObject({ table: AnalyticsTable });

/** How a member first kept their account: no lasting credential (guest), or the first one they added. */
export const SIGN_IN_KINDS = ['guest', 'email', 'passkey', 'oidc', 'wallet'] as const;
export type SignInKind = (typeof SIGN_IN_KINDS)[number];

/** Weeks after a cohort's first week that retention follows (+1 .. +8). */
export const RETENTION_WEEKS = 8;

/** Everything the analytics page shows for one period (GET /api/console/analytics/program). */
export interface ProgramAnalytics {
  from: string;
  to: string;
  /** When the rollups were last refreshed (ISO instant), and the last day they computed. */
  refreshedAt: string | null;
  throughDay: string | null;
  members: { total: number; newInPeriod: number };
  newMembers: ({ day: string } & Record<SignInKind, number>)[];
  activity: { day: string; dau: number; wau: number }[];
  /** Cohorts by ISO week of first visit (`2026-W49`); `active[k]` members active in week +k+1, null if not yet begun. */
  retention: { cohort: string; weekStart: string; size: number; active: (number | null)[] }[];
  /** Members who reached each step, as of `asOf` (the last snapshot day in the period). */
  questFunnels: {
    asOf: string | null;
    quests: { questId: string; steps: { stepId: string; members: number }[]; completed: number }[];
  };
  stamps: { stampId: string; issued: number }[];
  /** Prize outbox rows made in the period by their status now, and units redeemed in the period. */
  prizes: {
    prizeId: string;
    issued: number;
    delivered: number;
    pending: number;
    failed: number;
    redeemed: number;
  }[];
  games: { gameId: string; rounds: number; players: number }[];
  events: { eventId: string; title: string; startsAt: string; visitors: number; peak: number }[];
}
