import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { type PointsProgram, pointsProgram } from '../../shared/content/points-program.ts';
import type { StatusLevel } from '../../shared/content/quest-schema.ts';
import type { Db } from '../db/open.ts';
import { pointsEntries, pointsMovements } from '../db/points-schema.ts';
import { type SnapshotStatus, statusFor } from '../domain/quests/snapshot.ts';

/**
 * A member's qualifying points per UTC calendar year: the signed sum of their ledger entries whose movement is of a
 * qualifying kind, grouped by year in SQL, never below zero. With `now`, only the years that can still hold a level
 * (this one and the two before) are read.
 */
export async function qualifyingPoints(
  db: Db,
  memberId: string,
  opts: { now?: number; program?: PointsProgram } = {},
): Promise<Record<number, number>> {
  const program = opts.program ?? pointsProgram;
  const year = sql<number>`extract(year from ${pointsEntries.at} at time zone 'UTC')::int`;
  const mine = and(
    eq(pointsEntries.accountKind, 'member'),
    eq(pointsEntries.accountId, memberId),
    inArray(pointsMovements.kind, [...program.qualification.qualifyingKinds]),
  );
  const since =
    opts.now === undefined ? undefined : new Date(Date.UTC(new Date(opts.now).getUTCFullYear() - 2, 0, 1));
  const rows = await db
    .select({
      year: year.mapWith(Number),
      total: sql<string>`sum(${pointsEntries.amount})`.mapWith(Number),
    })
    .from(pointsEntries)
    .innerJoin(pointsMovements, eq(pointsMovements.id, pointsEntries.movementId))
    .where(since ? and(mine, gte(pointsEntries.at, since)) : mine)
    .groupBy(year);
  return Object.fromEntries(rows.map((row) => [row.year, Math.max(0, row.total)]));
}

/**
 * A member's status as the snapshot shows it, by stamps held and by qualifying points read from the ledger: the
 * level (name tag, tier bonus, rooms it opens) and how it is held. `levels` are the published ones
 * (`ctx.content.current().questContent.levels`), never the seed's.
 */
export async function memberStatus(
  db: Db,
  memberId: string,
  stampCount: number,
  now: number,
  opts: { levels: readonly StatusLevel[]; program?: PointsProgram },
): Promise<SnapshotStatus> {
  const program = opts.program ?? pointsProgram;
  const byYear = await qualifyingPoints(db, memberId, { now, program });
  return statusFor(stampCount, opts.levels, { byYear, now, program });
}

/** The lowest level's id (what a member not matched yet earns at), or '' when there is none. */
export function lowestLevelId(levels: readonly StatusLevel[]): string {
  return [...levels].sort((a, b) => a.minStamps - b.minStamps)[0]?.id ?? '';
}
