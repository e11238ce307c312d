import { and, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { ConsolePointsSummary, PointsLiability } from '../../shared/protocol/console-points.ts';
import type { Db } from '../db/open.ts';
import { partners, pointsEntries, pointsMovements } from '../db/points-schema.ts';
import { dailyTotals, summaryWindow } from './console-days.ts';

/** What members hold now: the brand's liability, with how many members hold points and how many are below zero. */
export async function pointsLiability(db: Db): Promise<PointsLiability> {
  const balances = db
    .select({ balance: sql<string>`sum(${pointsEntries.amount})`.as('balance') })
    .from(pointsEntries)
    .where(eq(pointsEntries.accountKind, 'member'))
    .groupBy(pointsEntries.accountId)
    .as('balances');
  const [row] = await db
    .select({
      outstanding: sql<string>`coalesce(sum(${balances.balance}), 0)`.mapWith(Number),
      members: sql<string>`count(*) filter (where ${balances.balance} > 0)`.mapWith(Number),
      negativeMembers: sql<string>`count(*) filter (where ${balances.balance} < 0)`.mapWith(Number),
      negativeTotal:
        sql<string>`coalesce(sum(${balances.balance}) filter (where ${balances.balance} < 0), 0)`.mapWith(
          Number,
        ),
    })
    .from(balances);
  return row ?? { outstanding: 0, members: 0, negativeMembers: 0, negativeTotal: 0 };
}

/**
 * Earned (credited to a member) and burned (debited from one) per UTC day, movement kind and partner, in the window.
 * Erased members' entries count too (their points were earned and spent all the same); merges are transfers between
 * two members' accounts, neither earned nor burned, so they are left out.
 */
async function dayRows(db: Db, start: Date, end: Date) {
  const day = sql<string>`to_char(${pointsEntries.at} at time zone 'UTC', 'YYYY-MM-DD')`;
  return db
    .select({
      day,
      kind: pointsMovements.kind,
      partnerId: pointsMovements.partnerId,
      earned:
        sql<string>`coalesce(sum(${pointsEntries.amount}) filter (where ${pointsEntries.amount} > 0), 0)`.mapWith(
          Number,
        ),
      burned:
        sql<string>`coalesce(-sum(${pointsEntries.amount}) filter (where ${pointsEntries.amount} < 0), 0)`.mapWith(
          Number,
        ),
    })
    .from(pointsEntries)
    .innerJoin(pointsMovements, eq(pointsMovements.id, pointsEntries.movementId))
    .where(
      and(
        inArray(pointsEntries.accountKind, ['member', 'erased']),
        gte(pointsEntries.at, start),
        lt(pointsEntries.at, end),
        ne(pointsMovements.kind, 'merge'),
      ),
    )
    .groupBy(day, pointsMovements.kind, pointsMovements.partnerId)
    .orderBy(day);
}

/** Adds up rows that share a key (the same day and kind from several partners). */
function merged<T extends { day: string; earned: number; burned: number }>(
  rows: T[],
  key: (row: T) => string,
): T[] {
  const out = new Map<string, T>();
  for (const row of rows) {
    const id = `${row.day}\u0000${key(row)}`;
    const seen = out.get(id);
    if (seen) {
      seen.earned += row.earned;
      seen.burned += row.burned;
    } else out.set(id, { ...row });
  }
  return [...out.values()];
}

/** The console's points summary over the last `days` UTC days up to `now`. */
export async function consolePointsSummary(db: Db, now: number, days: number): Promise<ConsolePointsSummary> {
  const window = summaryWindow(now, days);
  const rows = await dayRows(db, window.start, window.end);
  const names = new Map(
    (await db.select({ id: partners.id, name: partners.name }).from(partners)).map((p) => [p.id, p.name]),
  );
  const figures = (row: (typeof rows)[number]) => ({ day: row.day, earned: row.earned, burned: row.burned });
  return {
    from: window.from,
    to: window.to,
    liability: await pointsLiability(db),
    daily: dailyTotals(window, rows),
    bySource: merged(
      rows.map((row) => ({ ...figures(row), kind: row.kind as string })),
      (row) => row.kind,
    ),
    byPartner: merged(
      rows.flatMap((row) =>
        row.partnerId
          ? [
              {
                ...figures(row),
                partnerId: row.partnerId,
                partnerName: names.get(row.partnerId) ?? row.partnerId,
              },
            ]
          : [],
      ),
      (row) => row.partnerId,
    ),
  };
}
