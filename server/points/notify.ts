import type { AppContext } from '../context.ts';
import { publishToMember } from '../members/member-channel.ts';
import { loadQuestsSnapshot } from '../quests/passport.ts';

/**
 * Sends the member a fresh quests snapshot (its `points` read from the ledger) wherever their room lives, in any
 * process, so the passport balance moves live after a partner activity, a purchase, an adjustment or an expiry.
 * Call it after the transaction committed; a failure is logged, never thrown (the points already moved). Nothing is
 * read for a member seated in no room.
 */
export async function notifyPointsChanged(
  ctx: Pick<AppContext, 'ledger' | 'presence' | 'logger' | 'clock' | 'content'>,
  memberId: string,
): Promise<void> {
  try {
    // Partner traffic is mostly for members seated nowhere: one presence read instead of a snapshot's six queries.
    // The channel is member-channel.ts's `member:<id>`; a member who sits down later gets a snapshot on joining.
    if ((await ctx.presence.channels(`member:${memberId}`)).length === 0) return;
    const snapshot = await loadQuestsSnapshot(
      ctx.ledger.db,
      memberId,
      ctx.clock.now(),
      // The version published now, read at send time (a publish a moment ago shows at once).
      ctx.content.current().questContent,
    );
    publishToMember(ctx, memberId, { type: 'quests', payload: snapshot });
  } catch (err) {
    ctx.logger.error({ err, memberId }, 'could not tell a member their points changed');
  }
}
