import { and, eq, inArray } from 'drizzle-orm';
import { eventReports, eventVisits, pollVotes } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';
import {
  events,
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
 * Erases a member's personal data from the ledger in one transaction: name, wallet link, locale, sessions, events,
 * progress, stamps, points, event visits, votes and the reports they filed (bans and drop claims stay). The anonymous member row and outbox rows stay, so on-chain claims still add up.
 */
export async function eraseMember(db: Db, memberId: string): Promise<ErasureResult> {
  return db.transaction(async (tx) => {
    await tx
      .update(members)
      .set({ displayName: 'Erased member', address: null, locale: null })
      .where(eq(members.id, memberId));
    for (const table of [sessions, events, questProgress, memberStamps, memberPoints, eventVisits, pollVotes])
      await tx.delete(table).where(eq(table.memberId, memberId));
    await tx.delete(eventReports).where(eq(eventReports.reporterId, memberId));
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
