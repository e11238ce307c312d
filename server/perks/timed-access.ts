import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { perks } from '../db/perks-schema.ts';

/**
 * The gate hook of timed-access perks: whether a member holds one for `room` that has not expired (a redeemed
 * lounge day pass opens VIP for its hours). A gated room admits such a member besides its on-chain rule.
 */
export async function hasTimedAccess(db: Db, memberId: string, room: string, now: Date): Promise<boolean> {
  return (await timedAccessUntil(db, memberId, room, now)) !== null;
}

/** When a member's access to `room` ends (the latest of their live timed-access perks); null when they have none. */
export async function timedAccessUntil(
  db: Db,
  memberId: string,
  room: string,
  now: Date,
): Promise<Date | null> {
  const [row] = await db
    .select({ until: sql<string | Date | null>`max(${perks.expiresAt})` })
    .from(perks)
    .where(
      and(
        eq(perks.memberId, memberId),
        eq(perks.kind, 'timedAccess'),
        sql`${perks.state} <> 'expired'`,
        gt(perks.expiresAt, now),
        sql`${perks.details} ->> 'room' = ${room}`,
      ),
    );
  return row?.until ? new Date(row.until) : null;
}
