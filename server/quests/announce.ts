import { questContent } from '../../shared/content/quests.ts';
import { publishToMember } from '../members/member-channel.ts';
import { services } from '../services.ts';
import { loadQuestsSnapshot } from './passport.ts';

/** Sends a member a fresh snapshot wherever their room lives (after a change made outside their room). */
export async function announceQuests(memberId: string): Promise<void> {
  try {
    const snapshot = await loadQuestsSnapshot(services().ledger.db, memberId, Date.now(), questContent);
    publishToMember(memberId, { type: 'quests', payload: snapshot });
  } catch (error) {
    console.error(`Layover: could not announce quests to member ${memberId}`, error);
  }
}
