import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { LiveEventSpec } from '../../shared/content/live-events.ts';
import type { ConsoleLiveEvent, PublicLiveEvent } from '../../shared/protocol/live-events.ts';
import { liveEvents } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';
import { doorsOpen, liveEventStatus } from '../domain/live-events/status.ts';

export type LiveEventRow = typeof liveEvents.$inferSelect;

const timesOf = (spec: LiveEventSpec) => {
  const startsAt = new Date(spec.startsAt);
  return { startsAt, endsAt: new Date(startsAt.getTime() + spec.durationMinutes * 60_000) };
};

export async function createLiveEvent(db: Db, spec: LiveEventSpec, createdBy: string): Promise<LiveEventRow> {
  const [row] = await db
    .insert(liveEvents)
    .values({ id: randomUUID(), spec, hall: spec.hall, ...timesOf(spec), createdBy })
    .returning();
  if (!row) throw new Error('Layover: live event insert returned nothing');
  return row;
}

/** Rewrites a scheduled event; undefined when it no longer may change (live, ended or cancelled). */
export async function updateLiveEvent(
  db: Db,
  id: string,
  spec: LiveEventSpec,
): Promise<LiveEventRow | undefined> {
  const current = await getLiveEvent(db, id);
  if (!current || liveEventStatus(current, Date.now()) !== 'scheduled') return undefined;
  const [row] = await db
    .update(liveEvents)
    .set({ spec, hall: spec.hall, ...timesOf(spec), updatedAt: new Date() })
    .where(eq(liveEvents.id, id))
    .returning();
  return row;
}

export async function cancelLiveEvent(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(liveEvents)
    .set({ cancelledAt: new Date() })
    .where(and(eq(liveEvents.id, id), isNull(liveEvents.cancelledAt), isNull(liveEvents.endedAt)))
    .returning({ id: liveEvents.id });
  return rows.length > 0;
}

/** The host ends the show early; the first call wins. */
export async function endLiveEvent(db: Db, id: string, at = new Date()): Promise<boolean> {
  const rows = await db
    .update(liveEvents)
    .set({ endedAt: at })
    .where(and(eq(liveEvents.id, id), isNull(liveEvents.endedAt)))
    .returning({ id: liveEvents.id });
  return rows.length > 0;
}

export async function getLiveEvent(db: Db, id: string): Promise<LiveEventRow | undefined> {
  const [row] = await db.select().from(liveEvents).where(eq(liveEvents.id, id));
  return row;
}

/** Every event, newest start first (the console's list). */
export async function listLiveEvents(db: Db, limit = 200): Promise<LiveEventRow[]> {
  return db.select().from(liveEvents).orderBy(desc(liveEvents.startsAt)).limit(limit);
}

/** Live and upcoming events (the lounge's departures board), soonest first. */
export async function upcomingLiveEvents(db: Db, now: number, limit = 8): Promise<LiveEventRow[]> {
  const rows = await db
    .select()
    .from(liveEvents)
    .where(
      and(gt(liveEvents.endsAt, new Date(now)), isNull(liveEvents.cancelledAt), isNull(liveEvents.endedAt)),
    )
    .orderBy(liveEvents.startsAt)
    .limit(limit);
  return rows;
}

export function publicLiveEvent(row: LiveEventRow, now: number): PublicLiveEvent {
  const { spec } = row;
  return {
    id: row.id,
    title: spec.title,
    description: spec.description,
    hall: spec.hall,
    startsAt: row.startsAt.toISOString(),
    endsAt: (row.endedAt && row.endedAt < row.endsAt ? row.endedAt : row.endsAt).toISOString(),
    status: liveEventStatus(row, now),
    open: doorsOpen(row, now),
    access: spec.access,
    drops: spec.drops,
    attendMinutes: spec.attendMinutes,
    attendanceStampId: spec.attendanceStampId,
  };
}

export function consoleLiveEvent(row: LiveEventRow, now: number): ConsoleLiveEvent {
  return {
    ...publicLiveEvent(row, now),
    spec: row.spec,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
