import { and, eq, isNotNull } from 'drizzle-orm';
import { eventVisits } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';
import { type EventTimes, liveOverlapMs } from '../domain/live-events/status.ts';

/** Starts a stay in the hall; the id closes it on leave. */
export async function openVisit(
  db: Db,
  eventId: string,
  memberId: string,
  roomId: string,
  at: Date,
): Promise<number> {
  const [row] = await db
    .insert(eventVisits)
    .values({ eventId, memberId, roomId, joinedAt: at })
    .returning({ id: eventVisits.id });
  if (!row) throw new Error('Layover: visit insert returned nothing');
  return row.id;
}

export async function closeVisit(db: Db, visitId: number, at: Date): Promise<void> {
  await db.update(eventVisits).set({ leftAt: at }).where(eq(eventVisits.id, visitId));
}

/** Live milliseconds of a member's earlier, finished stays (other instances, before a rejoin). */
export async function earlierLiveMs(
  db: Db,
  event: EventTimes & { id: string },
  memberId: string,
): Promise<number> {
  const visits = await db
    .select({ joinedAt: eventVisits.joinedAt, leftAt: eventVisits.leftAt })
    .from(eventVisits)
    .where(
      and(
        eq(eventVisits.eventId, event.id),
        eq(eventVisits.memberId, memberId),
        isNotNull(eventVisits.leftAt),
      ),
    );
  return visits.reduce(
    (total, visit) =>
      total + liveOverlapMs(event, visit.joinedAt.getTime(), (visit.leftAt as Date).getTime()),
    0,
  );
}
