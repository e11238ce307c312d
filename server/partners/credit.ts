import type { PartnerActivityState } from '../../shared/protocol/partners.ts';
import type { Db } from '../db/open.ts';
import type { partnerActivities } from '../db/points-schema.ts';
import { memberAccount, postMovement } from '../points/ledger.ts';

/** A stored partner activity row. */
export type ActivityRow = typeof partnerActivities.$inferSelect;

/** The ledger account of a partner: it pays for the points its activities earn. */
export const partnerAccount = (partnerId: string) => ({ kind: 'partner' as const, id: partnerId });

/** What the partner API answers about an activity. */
export function activityState(row: ActivityRow): PartnerActivityState {
  return {
    id: row.id,
    status: row.status,
    points: row.points,
    type: row.type,
    occurredAt: row.occurredAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    reversedAt: row.reversedAt ? row.reversedAt.toISOString() : null,
  };
}

/**
 * Posts an activity's points to its member (the partner pays), keyed `partner:<activityId>`: the intake and a later
 * match racing for the same activity credit it once. Nothing is posted for 0 points.
 */
export async function creditActivity(
  tx: Db,
  input: {
    activity: ActivityRow;
    partner: { id: string };
    points: number;
    reason: { code: string; params: Record<string, string | number> };
    memberId?: string;
    at?: Date;
  },
): Promise<boolean> {
  const { activity, points } = input;
  const memberId = input.memberId ?? activity.memberId;
  if (!memberId) throw new Error(`Layover: partner activity ${activity.id} has no member to credit`);
  if (points <= 0) return false;
  const posted = await postMovement(tx, {
    key: `partner:${activity.id}`,
    kind: 'partner',
    reason: input.reason,
    at: input.at ?? activity.receivedAt,
    partnerId: input.partner.id,
    source: activity.type,
    entries: [
      { account: memberAccount(memberId), amount: points },
      { account: partnerAccount(input.partner.id), amount: -points },
    ],
  });
  return posted.posted;
}
