import { and, eq, inArray, or } from 'drizzle-orm';
import { emailHashOf } from '../auth/email/code-store.ts';
import { eventReports, eventVisits, pollVotes } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';
import {
  accountAudit,
  authChallenges,
  deviceSessions,
  emailCodes,
  events,
  memberCredentials,
  memberPoints,
  memberStamps,
  members,
  outbox,
  questProgress,
  sessions,
} from '../db/schema.ts';

export interface ErasureResult {
  /** Rewards already on their way to the member's wallet: they still arrive (on-chain holds the address anyway). */
  inFlight: number;
  /** Rewards held for a guest that will now never be minted. */
  cancelled: number;
}

/**
 * Erases a member's personal data from the ledger in one transaction: name, wallet link, locale, marketing consent,
 * sign-in credentials (emails, passkeys, the brand's login and its member number), browser sessions with their
 * access tokens, sign-in challenges in progress, events, progress, stamps, points, event visits, votes and the
 * reports they filed (bans and drop claims stay). The anonymous member row and outbox rows stay, so on-chain claims
 * still add up. The account audit keeps its rows (who did what to which member id, when) with their details
 * blanked: ids only. Email codes hold no member id, only hashes of the address, the code and the IP; the codes sent
 * to the member's emails are deleted by the hash of each address.
 */
export async function eraseMember(db: Db, memberId: string): Promise<ErasureResult> {
  return db.transaction(async (tx) => {
    await tx
      .update(members)
      .set({ displayName: 'Erased member', address: null, locale: null, marketingConsentAt: null })
      .where(eq(members.id, memberId));
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
      memberPoints,
      eventVisits,
      pollVotes,
    ])
      await tx.delete(table).where(eq(table.memberId, memberId));
    await tx.delete(eventReports).where(eq(eventReports.reporterId, memberId));
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
    return { inFlight: inFlight.length, cancelled: cancelled.length };
  });
}
