import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { eventBans, eventReports } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';
import { members } from '../db/schema.ts';
import { carriesBanMark, markBan, unmarkBan } from './ban-marks.ts';

export type BanScope = 'event' | 'brand';

const scopeKey = (scope: BanScope, eventId: string) => (scope === 'brand' ? 'brand' : `event:${eventId}`);

/** Bans a member from this event or from every event of the brand; kept in the ledger, so it outlives the room. */
export async function banMember(
  db: Db,
  input: { memberId: string; eventId: string; scope: BanScope; by: string },
): Promise<void> {
  const at = new Date();
  const key = scopeKey(input.scope, input.eventId);
  await db
    .insert(eventBans)
    .values({
      scopeKey: key,
      memberId: input.memberId,
      eventId: input.scope === 'event' ? input.eventId : null,
      bannedBy: input.by,
      at,
    })
    .onConflictDoNothing();
  // The ban also covers the member's credentials (a new member signing in the same way) or a guest's browsers.
  await markBan(db, key, input.memberId, at);
}

export async function liftBan(db: Db, memberId: string, scope: BanScope, eventId: string): Promise<boolean> {
  const rows = await db
    .delete(eventBans)
    .where(and(eq(eventBans.memberId, memberId), eq(eventBans.scopeKey, scopeKey(scope, eventId))))
    .returning({ memberId: eventBans.memberId });
  await unmarkBan(db, scopeKey(scope, eventId), memberId);
  return rows.length > 0;
}

/** Banned by id, or by a mark: a credential, wallet or (guest) browser that a banned member used. */
export async function isBanned(db: Db, memberId: string, eventId: string): Promise<boolean> {
  const scopes = ['brand', `event:${eventId}`];
  const rows = await db
    .select({ memberId: eventBans.memberId })
    .from(eventBans)
    .where(and(eq(eventBans.memberId, memberId), inArray(eventBans.scopeKey, scopes)))
    .limit(1);
  return rows.length > 0 || (await carriesBanMark(db, memberId, scopes));
}

/** Bans that apply to an event: its own and the brand's. */
export async function bansFor(db: Db, eventId: string) {
  const rows = await db
    .select({
      memberId: eventBans.memberId,
      name: members.displayName,
      scopeKey: eventBans.scopeKey,
      at: eventBans.at,
    })
    .from(eventBans)
    .innerJoin(members, eq(members.id, eventBans.memberId))
    .where(or(eq(eventBans.scopeKey, 'brand'), eq(eventBans.scopeKey, `event:${eventId}`)))
    .orderBy(desc(eventBans.at));
  return rows.map((row) => ({
    memberId: row.memberId,
    name: row.name,
    scope: (row.scopeKey === 'brand' ? 'brand' : 'event') as BanScope,
    at: row.at.toISOString(),
  }));
}

export async function reportMember(
  db: Db,
  input: { eventId: string; reporterId: string; memberId: string; reason: string; note: string },
): Promise<void> {
  await db.insert(eventReports).values({ ...input, at: new Date() });
}

export async function reportsFor(db: Db, eventId: string, limit = 100) {
  const rows = await db
    .select()
    .from(eventReports)
    .where(eq(eventReports.eventId, eventId))
    .orderBy(desc(eventReports.at))
    .limit(limit);
  const ids = [...new Set(rows.flatMap((row) => [row.reporterId, row.memberId]))];
  const names = new Map(
    ids.length
      ? (
          await db
            .select({ id: members.id, name: members.displayName })
            .from(members)
            .where(inArray(members.id, ids))
        ).map((row) => [row.id, row.name])
      : [],
  );
  return rows.map((row) => ({
    id: row.id,
    reporter: names.get(row.reporterId) ?? row.reporterId,
    member: names.get(row.memberId) ?? row.memberId,
    reason: row.reason,
    note: row.note,
    at: row.at.toISOString(),
  }));
}
