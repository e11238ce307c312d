import { and, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { eventVisits } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';
import { type EventTimes, liveOverlapMs } from '../domain/live-events/status.ts';

/**
 * Starts a stay in the hall, ending at `leaseUntil` unless renewed: a stay of a process that dies ends one lease after
 * its last renewal instead of counting until the event ends. The id renews and closes it.
 */
export async function openVisit(
  db: Db,
  eventId: string,
  memberId: string,
  roomId: string,
  at: Date,
  leaseUntil: Date,
): Promise<number> {
  const [row] = await db
    .insert(eventVisits)
    .values({ eventId, memberId, roomId, joinedAt: at, leftAt: leaseUntil })
    .returning({ id: eventVisits.id });
  if (!row) throw new Error('Layover: visit insert returned nothing');
  return row.id;
}

/** The holder is still there: its stays run on to `until`. */
export async function renewVisits(db: Db, visitIds: number[], until: Date): Promise<void> {
  if (visitIds.length === 0) return;
  await db.update(eventVisits).set({ leftAt: until }).where(inArray(eventVisits.id, visitIds));
}

/** Stays written without a lease (before leases, by a process now gone) end one lease after they began. */
export async function endUnleasedVisits(db: Db, eventId: string, leaseMs: number): Promise<void> {
  await db
    .update(eventVisits)
    .set({ leftAt: sql`${eventVisits.joinedAt} + make_interval(secs => ${leaseMs / 1000})` })
    .where(and(eq(eventVisits.eventId, eventId), isNull(eventVisits.leftAt)));
}

export async function closeVisit(db: Db, visitId: number, at: Date): Promise<void> {
  await db.update(eventVisits).set({ leftAt: at }).where(eq(eventVisits.id, visitId));
}

/**
 * Live milliseconds of a member's other stays (other instances, before a rejoin) up to `before`, when the stay
 * `exceptVisitId` began: time after it is that stay's own.
 */
export async function earlierLiveMs(
  db: Db,
  event: EventTimes & { id: string },
  memberId: string,
  exceptVisitId: number,
  before: number,
): Promise<number> {
  const visits = await db
    .select({ joinedAt: eventVisits.joinedAt, leftAt: eventVisits.leftAt })
    .from(eventVisits)
    .where(
      and(
        eq(eventVisits.eventId, event.id),
        eq(eventVisits.memberId, memberId),
        isNotNull(eventVisits.leftAt),
        ne(eventVisits.id, exceptVisitId),
      ),
    );
  return visits.reduce(
    (total, visit) =>
      total +
      liveOverlapMs(event, visit.joinedAt.getTime(), Math.min(before, (visit.leftAt as Date).getTime())),
    0,
  );
}
