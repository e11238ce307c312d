import type { PointsProgram } from '../../../shared/content/points-program.ts';
import type { StatusLevel } from '../../../shared/content/quest-schema.ts';
import type { PointsMovementKind } from '../../db/points-schema.ts';
import { isoDay, utcDay } from './expiry.ts';

/** What a member's status is decided from: stamps held (for good) and qualifying points per calendar year (UTC). */
export interface StatusInput {
  stamps: number;
  /** Qualifying points by UTC calendar year, e.g. `{ 2026: 5400 }`; see `qualifyingPointsByYear`. */
  qualifyingPointsByYear: Readonly<Record<number, number>>;
  /** Epoch ms. */
  now: number;
}

/** The level a member holds, why, and what more points this year would reach. */
export interface PointsStatus {
  level: string;
  /** By stamps the level is held for good; by points until the last day of the grace period (YYYY-MM-DD). */
  basis: { by: 'stamps' } | { by: 'points'; year: number; until: string };
  /** Qualifying points so far this calendar year. */
  thisYear: number;
  /** The next level above that points can reach, and how many more this year reach it; null when none can. */
  nextByPoints: { level: string; needs: number } | null;
}

/** The first instant a level reached by points in `year` no longer holds: Jan 1 of year + 2, plus the grace months. */
export function qualificationEnds(year: number, program: PointsProgram): number {
  return Date.UTC(year + 2, program.qualification.graceMonths, 1);
}

/**
 * Qualifying points per UTC calendar year from a member's movements: the signed sum of the program's qualifying
 * kinds (a partner's reversal takes back in the year it is posted), never below zero.
 */
export function qualifyingPointsByYear(
  lines: readonly { kind: PointsMovementKind; amount: number; at: number }[],
  program: PointsProgram,
): Record<number, number> {
  const kinds = new Set<string>(program.qualification.qualifyingKinds);
  const years: Record<number, number> = {};
  for (const line of lines) {
    if (!kinds.has(line.kind)) continue;
    const year = new Date(line.at).getUTCFullYear();
    years[year] = (years[year] ?? 0) + line.amount;
  }
  for (const year of Object.keys(years)) years[Number(year)] = Math.max(0, years[Number(year)] ?? 0);
  return years;
}

/** How a member holds one level now, or null when they do not: stamps first, then the latest qualifying year. */
function heldBy(
  level: StatusLevel,
  input: StatusInput,
  program: PointsProgram,
): PointsStatus['basis'] | null {
  if (level.minStamps <= input.stamps) return { by: 'stamps' };
  const min = level.minQualifyingPoints;
  if (min === undefined) return null;
  const currentYear = new Date(input.now).getUTCFullYear();
  for (let year = currentYear; year >= currentYear - 2; year--) {
    const ends = qualificationEnds(year, program);
    if ((input.qualifyingPointsByYear[year] ?? 0) >= min && input.now < ends)
      return { by: 'points', year, until: isoDay(utcDay(ends) - 1) };
  }
  return null;
}

/**
 * A member's status: the highest level (ranked by minStamps, as name tags rank them) reached either by stamps, or
 * by `minQualifyingPoints` in a calendar year Y, which holds through Y + 1 plus the grace months. A member who does
 * not requalify falls, once the grace ends, to what the later years' points (or stamps) reach.
 */
export function statusFor(
  input: StatusInput,
  levels: readonly StatusLevel[],
  program: PointsProgram,
): PointsStatus {
  const ranked = [...levels].sort((a, b) => a.minStamps - b.minStamps);
  let index = 0;
  let basis: PointsStatus['basis'] = { by: 'stamps' };
  ranked.forEach((level, at) => {
    const held = heldBy(level, input, program);
    if (held) [index, basis] = [at, held];
  });
  const level = ranked[index];
  if (!level) throw new Error('Layover: statusFor needs at least one status level');
  const thisYear = Math.max(0, input.qualifyingPointsByYear[new Date(input.now).getUTCFullYear()] ?? 0);
  const above = ranked.slice(index + 1).find((next) => next.minQualifyingPoints !== undefined);
  return {
    level: level.id,
    basis,
    thisYear,
    nextByPoints: above
      ? { level: above.id, needs: Math.max(1, (above.minQualifyingPoints ?? 0) - thisYear) }
      : null,
  };
}
