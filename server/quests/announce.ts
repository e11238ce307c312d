import type { AppContext } from '../context.ts';
import { publishToMember } from '../members/member-channel.ts';
import { loadQuestsSnapshot } from './passport.ts';

/** Sends a member a fresh snapshot wherever their room lives (after a change made outside their room). */
export async function announceQuests(ctx: AppContext, memberId: string): Promise<void> {
  try {
    const snapshot = await loadQuestsSnapshot(
      ctx.ledger.db,
      memberId,
      Date.now(),
      ctx.content.current().questContent,
    );
    publishToMember(ctx, memberId, { type: 'quests', payload: snapshot });
  } catch (err) {
    ctx.logger.error({ err, memberId }, 'could not announce quests');
  }
}
