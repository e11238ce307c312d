import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { liveEvents } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';
import { publishStageSignal } from '../live-events/stage-channel.ts';
import { loadStage, removeMemberFromStage } from '../live-events/stage-snapshot.ts';

/** How long after its end an event's halls may still be open (they close on their next tick). */
const HALLS_LINGER_MS = 60 * 60_000;

/**
 * Takes an erased member off every stage kept in the ledger (`live_events.stage`: host seat, spotlight, pinned
 * question, mutes), under the row lock the hosts' updates take, so a new instance or the console never sees them.
 */
export async function scrubStoredStages(tx: Db, memberId: string): Promise<void> {
  const rows = await tx
    .select({ id: liveEvents.id })
    .from(liveEvents)
    .where(sql`${liveEvents.stage}::text LIKE ${`%${memberId}%`}`)
    .for('update');
  for (const { id } of rows) {
    const stage = await loadStage(tx, id);
    if (removeMemberFromStage(stage, memberId))
      await tx.update(liveEvents).set({ stage }).where(eq(liveEvents.id, id));
  }
}

/**
 * Tells every hall that may be open, in any process, to forget the member: their questions (held only in the halls),
 * spotlight, pin and mute. Sent after the ledger committed, so a hall that re-reads the stage finds it scrubbed.
 */
export async function announceErasureToHalls(
  db: Db,
  ctx: Pick<AppContext, 'presence' | 'logger'>,
  memberId: string,
): Promise<void> {
  const open = await db
    .select({ id: liveEvents.id })
    .from(liveEvents)
    .where(
      and(
        isNull(liveEvents.cancelledAt),
        isNull(liveEvents.endedAt),
        gt(liveEvents.endsAt, new Date(Date.now() - HALLS_LINGER_MS)),
      ),
    );
  for (const event of open) publishStageSignal(ctx.presence, ctx.logger, event.id, { t: 'erase', memberId });
}
