import { and, eq, lte, sql } from 'drizzle-orm';
import type { PartnerMemberRef } from '../../shared/protocol/partners.ts';
import type { Db } from '../db/open.ts';
import { partnerActivities } from '../db/points-schema.ts';

/** What a dropped activity keeps: its id, partner, type, points and times; nothing naming the person. */
const DROPPED = { status: 'dropped' as const, memberRef: {}, payload: {}, description: '', expiresAt: null };

/** Drops unmatched activities past their 90 days, personal data emptied; safe to run twice. Returns how many. */
export async function dropExpiredActivities(db: Db, now: Date): Promise<number> {
  const dropped = await db
    .update(partnerActivities)
    .set(DROPPED)
    .where(and(eq(partnerActivities.status, 'unmatched'), lte(partnerActivities.expiresAt, now)))
    .returning({ id: partnerActivities.id });
  return dropped.length;
}

/** A partner's erasure request: drops its unmatched activities naming this person. Returns how many. */
export async function erasePartnerActivities(
  db: Db,
  partnerId: string,
  ref: PartnerMemberRef,
): Promise<number> {
  const dropped = await db
    .update(partnerActivities)
    .set(DROPPED)
    .where(
      and(
        eq(partnerActivities.partnerId, partnerId),
        eq(partnerActivities.status, 'unmatched'),
        sql`${partnerActivities.memberRef} = ${JSON.stringify(ref)}::jsonb`,
      ),
    )
    .returning({ id: partnerActivities.id });
  return dropped.length;
}
