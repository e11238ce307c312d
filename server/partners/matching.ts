import { and, eq, gt, isNotNull, or, sql } from 'drizzle-orm';
import type { StatusLevel } from '../../shared/content/quest-schema.ts';
import type { PartnerMemberRef } from '../../shared/protocol/partners.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { memberNumbers, partnerActivities, partners } from '../db/points-schema.ts';
import { memberCredentials } from '../db/schema.ts';
import { lockMember } from '../points/ledger.ts';
import { notifyPointsChanged } from '../points/notify.ts';
import { creditActivity } from './credit.ts';
import { earningFor, findMemberByRef } from './members.ts';

type MatchContext = Pick<AppContext, 'ledger' | 'presence' | 'logger' | 'clock' | 'content'>;

/** Every way a partner may name this member: their emails, brand-login external ids and member number. */
async function refsOf(db: Db, memberId: string): Promise<PartnerMemberRef[]> {
  const [credentials, numbers] = await Promise.all([
    db
      .select({
        kind: memberCredentials.kind,
        subject: memberCredentials.subject,
        externalId: memberCredentials.externalId,
      })
      .from(memberCredentials)
      .where(eq(memberCredentials.memberId, memberId)),
    db
      .select({ number: memberNumbers.number })
      .from(memberNumbers)
      .where(eq(memberNumbers.memberId, memberId)),
  ]);
  const refs: PartnerMemberRef[] = numbers.map((row) => ({ memberNumber: row.number }));
  for (const row of credentials) {
    if (row.kind === 'email') refs.push({ email: row.subject });
    if (row.kind === 'oidc' && row.externalId) refs.push({ externalId: row.externalId });
  }
  return refs;
}

/** Credits one waiting activity to the member, re-read under the member's lock; false when it moved on meanwhile. */
async function matchOne(
  tx: Db,
  activityId: string,
  memberId: string,
  now: Date,
  levels: readonly StatusLevel[],
): Promise<boolean> {
  if (!(await lockMember(tx, memberId))) return false;
  const [row] = await tx
    .select({ activity: partnerActivities, partnerName: partners.name })
    .from(partnerActivities)
    .innerJoin(partners, eq(partners.id, partnerActivities.partnerId))
    .where(and(eq(partnerActivities.id, activityId), eq(partnerActivities.status, 'unmatched')))
    .for('update', { of: partnerActivities });
  if (!row) return false;
  const { activity } = row;
  const partner = { id: activity.partnerId, name: row.partnerName };
  const units = typeof activity.payload.units === 'number' ? activity.payload.units : 0;
  const earning = await earningFor(tx, {
    partner,
    type: activity.type,
    units,
    description: activity.description,
    memberId,
    at: now,
    levels,
  });
  // A rule since removed from content: the points the activity was accepted with.
  const points = earning?.points ?? activity.points;
  const reason = earning?.reason ?? {
    code: 'partner',
    params: { partner: partner.name, description: activity.description },
  };
  const [updated] = await tx
    .update(partnerActivities)
    .set({ status: 'credited', memberId, matchedAt: now, points, expiresAt: null })
    .where(eq(partnerActivities.id, activity.id))
    .returning();
  if (!updated) return false;
  await creditActivity(tx, { activity: updated, partner, points, reason, at: now });
  return points > 0;
}

/**
 * Credits a member's waiting partner activities (unmatched, not expired) now that a partner can name them (a new
 * email or brand login): one movement each, keyed like the intake's, so a race with it credits once.
 */
export async function matchPendingActivities(ctx: MatchContext, memberId: string): Promise<number> {
  const db = ctx.ledger.db;
  const refs = await refsOf(db, memberId);
  if (refs.length === 0) return 0;
  const now = new Date(ctx.clock.now());
  const waiting = await db
    .select({ id: partnerActivities.id })
    .from(partnerActivities)
    .where(
      and(
        eq(partnerActivities.status, 'unmatched'),
        gt(partnerActivities.expiresAt, now),
        or(...refs.map((ref) => sql`${partnerActivities.memberRef} = ${JSON.stringify(ref)}::jsonb`)),
      ),
    );
  let credited = 0;
  const { levels } = ctx.content.current().questContent;
  for (const { id } of waiting)
    if (await db.transaction((tx) => matchOne(tx, id, memberId, now, levels))) credited++;
  if (credited > 0) await notifyPointsChanged(ctx, memberId);
  return waiting.length;
}

/**
 * Matches waiting activities whose member can be found now by any path (a member number shown after the activity
 * came, a credential added in a race with the intake). Run from the hourly sweep; returns the members matched.
 */
export async function rematchWaiting(ctx: MatchContext, limit = 1000): Promise<number> {
  const db = ctx.ledger.db;
  const now = new Date(ctx.clock.now());
  const rows = await db
    .select({ memberRef: partnerActivities.memberRef })
    .from(partnerActivities)
    .where(
      and(
        eq(partnerActivities.status, 'unmatched'),
        gt(partnerActivities.expiresAt, now),
        isNotNull(partnerActivities.expiresAt),
      ),
    )
    .limit(limit);
  const members = new Set<string>();
  for (const { memberRef } of rows) {
    const memberId = await findMemberByRef(db, memberRef as PartnerMemberRef);
    if (memberId) members.add(memberId);
  }
  for (const memberId of members) await matchPendingActivities(ctx, memberId);
  return members.size;
}
