import { and, eq, inArray, or } from 'drizzle-orm';
import { emailHashOf } from '../auth/email/code-store.ts';
import type { AppContext } from '../context.ts';
import { eventReports, eventVisits, pollVotes } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';
import {
  accountAudit,
  authChallenges,
  deviceSessions,
  emailCodes,
  events,
  gameBest,
  gameDailyBest,
  gameScores,
  memberCredentials,
  memberStamps,
  outbox,
  questProgress,
  sessions,
} from '../db/schema.ts';
import { erasePoints } from '../points/erase-points.ts';
import { announceErasureToHalls, scrubStoredStages } from './erase-stage.ts';
import { replaceWithTombstone } from './erase-tombstone.ts';
import { announceSessionsEnded } from './member-channel.ts';

export interface ErasureResult {
  /** Rewards already on their way to the member's wallet: they still arrive (on-chain holds the address anyway). */
  inFlight: number;
  /** Rewards held for a guest that will now never be minted. */
  cancelled: number;
}

/**
 * Erases a member's personal data from the ledger in one transaction: name, avatar look, wallet link, locale, marketing
 * consent, sign-in credentials (emails, passkeys, the brand's login and its member number), browser sessions with their
 * access tokens, sign-in challenges in progress, events, progress, stamps, game scores and leaderboard rows, event
 * visits, votes, reports they filed or that named them, and their place on any stored stage (pinned question,
 * spotlight, host seat, mutes). What must outlive them (reward rows, drop claims, bans, the account audit with its
 * details blanked) moves to an anonymous tombstone with a new random id (./erase-tombstone.ts), so on-chain claims
 * still add up and no row carries their id. Their points entries move to an anonymous `erased` account
 * (../points/erase-points.ts): the books still balance and nothing links them to the person. Email codes hold no member
 * id, only hashes of the address, the code and the IP; the codes sent to the member's emails are deleted by the hash of
 * each address.
 *
 * With `live` (the server's presence), every room seating them is told their sessions ended and every open hall, in
 * any process, drops their questions and takes them off its stage.
 */
export async function eraseMember(
  db: Db,
  memberId: string,
  live?: Pick<AppContext, 'presence' | 'logger'>,
): Promise<ErasureResult> {
  const result = await eraseFromLedger(db, memberId);
  if (live) {
    announceSessionsEnded(live, memberId);
    await announceErasureToHalls(db, live, memberId);
  }
  return result;
}

async function eraseFromLedger(db: Db, memberId: string): Promise<ErasureResult> {
  return db.transaction(async (tx) => {
    const emails = await tx
      .select({ subject: memberCredentials.subject })
      .from(memberCredentials)
      .where(and(eq(memberCredentials.memberId, memberId), eq(memberCredentials.kind, 'email')));
    const hashes = await Promise.all(emails.map((email) => emailHashOf(tx as unknown as Db, email.subject)));
    if (hashes.length > 0) await tx.delete(emailCodes).where(inArray(emailCodes.emailHash, hashes));
    // Access tokens first (they reference their browser session), then the browsers, credentials and challenges.
    for (const table of [
      sessions,
      deviceSessions,
      memberCredentials,
      authChallenges,
      events,
      questProgress,
      memberStamps,
      eventVisits,
      pollVotes,
      gameScores,
      gameDailyBest,
      gameBest,
    ])
      await tx.delete(table).where(eq(table.memberId, memberId));
    await tx
      .delete(eventReports)
      .where(or(eq(eventReports.reporterId, memberId), eq(eventReports.memberId, memberId)));
    await scrubStoredStages(tx as unknown as Db, memberId);
    await erasePoints(tx as unknown as Db, memberId);
    await tx
      .update(accountAudit)
      .set({ detail: {} })
      .where(or(eq(accountAudit.memberId, memberId), eq(accountAudit.actorMemberId, memberId)));
    const cancelled = await tx
      .update(outbox)
      .set({ status: 'failed', lastError: 'member erased their data', updatedAt: new Date() })
      .where(and(eq(outbox.memberId, memberId), eq(outbox.status, 'held')))
      .returning({ id: outbox.id });
    // Delivered rows forget the wallet; rows still minting keep it until the chain has them.
    await tx
      .update(outbox)
      .set({ recipient: null })
      .where(and(eq(outbox.memberId, memberId), inArray(outbox.status, ['delivered', 'failed'])));
    const inFlight = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.memberId, memberId), inArray(outbox.status, ['queued', 'sent', 'mined'])));
    await replaceWithTombstone(tx as unknown as Db, memberId);
    return { inFlight: inFlight.length, cancelled: cancelled.length };
  });
}
