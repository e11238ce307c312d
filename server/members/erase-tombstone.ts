import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { dropClaims, eventBans } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';
import { accountAudit, members, outbox } from '../db/schema.ts';

/** The name every tombstone carries: nothing of the person it replaced. */
export const ERASED_NAME = 'Erased member';

/**
 * Moves what must outlive an erased member (reward rows, drop claims, bans, the account audit) to a new anonymous
 * tombstone with a fresh random id, then deletes the member's row (its other rows go with it). Counts still add up
 * (a drop's claims, the oracle's rows, who was banned) while nothing in the ledger carries the old id. Returns the
 * tombstone's id.
 */
export async function replaceWithTombstone(tx: Db, memberId: string): Promise<string> {
  const tombstoneId = randomUUID();
  await tx.insert(members).values({ id: tombstoneId, displayName: ERASED_NAME });
  // Occurrence ids of rewards embed the member id (`<member>:day:<day>`, `<game>:winner:<day>:<member>`).
  await tx
    .update(outbox)
    .set({ memberId: tombstoneId, eventId: sql`replace(${outbox.eventId}, ${memberId}, ${tombstoneId})` })
    .where(eq(outbox.memberId, memberId));
  await tx.update(dropClaims).set({ memberId: tombstoneId }).where(eq(dropClaims.memberId, memberId));
  await tx.update(eventBans).set({ memberId: tombstoneId }).where(eq(eventBans.memberId, memberId));
  await tx.update(eventBans).set({ bannedBy: tombstoneId }).where(eq(eventBans.bannedBy, memberId));
  await tx.update(accountAudit).set({ memberId: tombstoneId }).where(eq(accountAudit.memberId, memberId));
  await tx
    .update(accountAudit)
    .set({ actorMemberId: tombstoneId })
    .where(eq(accountAudit.actorMemberId, memberId));
  await tx.delete(members).where(eq(members.id, memberId));
  return tombstoneId;
}
