import { and, desc, eq } from 'drizzle-orm';
import {
  ACTIVITY_LOG_LIMIT,
  type ActivityStatus,
  type ConsoleActivity,
  type ConsolePartner,
} from '../../shared/protocol/console-points.ts';
import type { Db } from '../db/open.ts';
import { partnerActivities } from '../db/points-schema.ts';
import { members } from '../db/schema.ts';
import type { PartnerListing } from '../partners/registry.ts';

/** A partner as the console shows it (the registry's listing already leaves the secret out). */
export const consolePartner = (row: PartnerListing): ConsolePartner => ({
  id: row.id,
  name: row.name,
  negativeLimit: row.negativeLimit,
  webhookUrl: row.webhookUrl,
  active: row.active,
  createdAt: row.createdAt.getTime(),
});

/**
 * A partner's activity log, newest first: the member by display name only (never the email or external id the
 * partner named them by), none while unmatched or once erased.
 */
export async function partnerActivityLog(
  db: Db,
  partnerId: string,
  status?: ActivityStatus,
): Promise<ConsoleActivity[]> {
  const mine = eq(partnerActivities.partnerId, partnerId);
  const rows = await db
    .select({
      id: partnerActivities.id,
      type: partnerActivities.type,
      status: partnerActivities.status,
      points: partnerActivities.points,
      description: partnerActivities.description,
      memberId: members.id,
      memberName: members.displayName,
      occurredAt: partnerActivities.occurredAt,
      receivedAt: partnerActivities.receivedAt,
      reversedAt: partnerActivities.reversedAt,
    })
    .from(partnerActivities)
    .leftJoin(members, eq(members.id, partnerActivities.memberId))
    .where(status ? and(mine, eq(partnerActivities.status, status)) : mine)
    .orderBy(desc(partnerActivities.receivedAt), desc(partnerActivities.id))
    .limit(ACTIVITY_LOG_LIMIT);
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    status: row.status,
    points: row.points,
    description: row.description,
    member: row.memberId && row.memberName !== null ? { id: row.memberId, name: row.memberName } : null,
    occurredAt: row.occurredAt.getTime(),
    receivedAt: row.receivedAt.getTime(),
    reversedAt: row.reversedAt?.getTime() ?? null,
  }));
}
