import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { relayClaimLinks, type relayedActions } from '../db/relay-schema.ts';
import { outbox } from '../db/schema.ts';

type RelayedRow = typeof relayedActions.$inferSelect;

/**
 * What a settled relayed action does to the ledger, inside the transaction that settles it: a gift into escrow
 * opens its claim link; a failed action gives back what its recording took (the custody row, the link), so a
 * refusal on chain loses nothing.
 */
export async function settleEffects(tx: Db, row: RelayedRow): Promise<void> {
  if (row.status === 'confirmed') {
    if (row.kind === 'gift' && row.claimLinkId !== null)
      await tx
        .update(relayClaimLinks)
        .set({ state: 'open' })
        .where(and(eq(relayClaimLinks.id, row.claimLinkId), eq(relayClaimLinks.state, 'pending')));
    return;
  }
  if (row.status !== 'failed') return;
  if (row.place === 'custody' && row.kind !== 'claim' && row.outboxId !== null)
    await tx
      .update(outbox)
      .set({ recipient: sql`${outbox.custody}`, updatedAt: new Date() })
      .where(and(eq(outbox.id, row.outboxId), eq(outbox.status, 'delivered')));
  if (row.kind === 'gift' && row.claimLinkId !== null)
    await tx.delete(relayClaimLinks).where(eq(relayClaimLinks.id, row.claimLinkId));
  if (row.kind === 'claim' && row.claimLinkId !== null)
    await tx
      .update(relayClaimLinks)
      .set({ state: 'open', claimedBy: null, claimedAt: null })
      .where(and(eq(relayClaimLinks.id, row.claimLinkId), eq(relayClaimLinks.state, 'claimed')));
}
