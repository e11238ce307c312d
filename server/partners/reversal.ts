import { and, eq, sql } from 'drizzle-orm';
import type { PartnerActivityState } from '../../shared/protocol/partners.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { partnerActivities } from '../db/points-schema.ts';
import { balanceOf, lockMember, memberAccount, postMovement } from '../points/ledger.ts';
import { notifyPointsChanged } from '../points/notify.ts';
import { activityState, partnerAccount } from './credit.ts';
import type { PartnerRecord } from './registry.ts';

/** What reversing an activity did. */
export type ReversalOutcome =
  | { kind: 'reversed'; state: PartnerActivityState; memberId: string | null }
  | { kind: 'replayed'; state: PartnerActivityState }
  | { kind: 'notFound' }
  | { kind: 'dropped' }
  | { kind: 'overLimit'; balance: number; points: number; limit: number };

/** Reads one of the partner's own activities (another partner's is not found). */
export async function findActivity(db: Db, partnerId: string, id: string) {
  const [row] = await db
    .select()
    .from(partnerActivities)
    .where(and(eq(partnerActivities.partnerId, partnerId), eq(partnerActivities.id, id)));
  return row;
}

/** Changed under us: the member read before the lock is not the activity's member any more (it was matched). */
const MOVED = Symbol('moved');

async function reverseOnce(
  tx: Db,
  partner: PartnerRecord,
  id: string,
  memberId: string | null,
  now: Date,
): Promise<ReversalOutcome | typeof MOVED> {
  // An erased member's entries moved to an erased account: the reversal then only marks the activity.
  const present = memberId ? await lockMember(tx, memberId) : false;
  const [row] = await tx
    .select()
    .from(partnerActivities)
    .where(and(eq(partnerActivities.partnerId, partner.id), eq(partnerActivities.id, id)))
    .for('update');
  if (!row) return { kind: 'notFound' };
  if (row.memberId !== memberId) return MOVED;
  if (row.status === 'reversed') return { kind: 'replayed', state: activityState(row) };
  if (row.status === 'dropped') return { kind: 'dropped' };
  if (row.status === 'credited' && row.memberId && present && row.points > 0) {
    const balance = await balanceOf(tx, memberAccount(row.memberId));
    if (balance - row.points < -partner.negativeLimit)
      return { kind: 'overLimit', balance, points: row.points, limit: partner.negativeLimit };
    await postMovement(tx, {
      key: `partnerReversal:${row.id}`,
      kind: 'partnerReversal',
      reason: { code: 'partnerReversal', params: { partner: partner.name, description: row.description } },
      at: now,
      partnerId: partner.id,
      source: row.type,
      entries: [
        { account: memberAccount(row.memberId), amount: -row.points },
        { account: partnerAccount(partner.id), amount: row.points },
      ],
    });
  }
  // An activity nobody was found for loses the personal data it held: nothing will match it any more.
  const personal =
    row.status === 'unmatched'
      ? { memberRef: {}, payload: {}, description: '', expiresAt: null }
      : { expiresAt: sql`${partnerActivities.expiresAt}` };
  const [updated] = await tx
    .update(partnerActivities)
    .set({ status: 'reversed', reversedAt: now, ...personal })
    .where(eq(partnerActivities.id, row.id))
    .returning();
  if (!updated) throw new Error(`Layover: partner activity ${row.id} vanished while reversed`);
  return { kind: 'reversed', state: activityState(updated), memberId: row.memberId };
}

/**
 * Reverses a partner's activity (a cancelled flight, a refund): a credited one's points come back out of the member
 * (`partnerReversal:<id>`, the partner paid back), as far below zero as the partner's limit and no further; an
 * unmatched one is just marked reversed. Reversing twice answers the reversed state again.
 */
export async function reverseActivity(
  ctx: Pick<AppContext, 'ledger' | 'presence' | 'logger' | 'clock' | 'content'>,
  partner: PartnerRecord,
  id: string,
): Promise<ReversalOutcome> {
  const db = ctx.ledger.db;
  for (let attempt = 0; attempt < 3; attempt++) {
    const seen = await findActivity(db, partner.id, id);
    if (!seen) return { kind: 'notFound' };
    const now = new Date(ctx.clock.now());
    const outcome = await db.transaction((tx) => reverseOnce(tx, partner, id, seen.memberId, now));
    if (outcome === MOVED) continue;
    if (outcome.kind === 'reversed' && outcome.memberId && outcome.state.points > 0)
      await notifyPointsChanged(ctx, outcome.memberId);
    return outcome;
  }
  throw new Error(`Layover: partner activity ${id} kept changing while reversed`);
}
