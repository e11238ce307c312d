import { and, desc, eq } from 'drizzle-orm';
import type { RelayActionView, RelayOverview } from '../../shared/protocol/relay.ts';
import type { AppContext } from '../context.ts';
import { relayedActions } from '../db/relay-schema.ts';
import { usedToday } from './guards.ts';
import { holdingsOf } from './holdings.ts';
import type { RelayedRow } from './record.ts';

/** What a member sees of one of their relayed actions (a claim link's token only in the answer that made it). */
export function actionView(row: RelayedRow, claimToken: string | null = null): RelayActionView {
  return {
    id: String(row.id),
    kind: row.kind,
    prizeId: row.prizeId,
    amount: row.amount,
    where: row.place,
    to: row.kind === 'gift' && row.claimLinkId !== null ? null : row.toAddress,
    status: row.status,
    txHash: row.txHash,
    error: row.error,
    claimToken,
    createdAt: row.createdAt.getTime(),
  };
}

/** One of the member's actions by id; undefined for another member's (a guessed id learns nothing). */
export async function memberAction(
  ctx: AppContext,
  memberId: string,
  id: number,
): Promise<RelayActionView | undefined> {
  const [row] = await ctx.ledger.db
    .select()
    .from(relayedActions)
    .where(and(eq(relayedActions.id, id), eq(relayedActions.memberId, memberId)));
  return row ? actionView(row) : undefined;
}

/** The member's prizes by place, their 20 latest actions, and today's allowance. */
export async function overviewOf(
  ctx: AppContext,
  member: { id: string; address: string | null },
): Promise<RelayOverview> {
  const [prizes, rows, used] = await Promise.all([
    holdingsOf(ctx, member),
    ctx.ledger.db
      .select()
      .from(relayedActions)
      .where(eq(relayedActions.memberId, member.id))
      .orderBy(desc(relayedActions.id))
      .limit(20),
    usedToday(ctx.ledger.db, member.id, ctx.clock.now()),
  ]);
  return {
    prizes,
    actions: rows.map((row) => actionView(row)),
    usedToday: used,
    dailyLimit: ctx.config.relay.dailyLimit,
    wallet: member.address,
  };
}
