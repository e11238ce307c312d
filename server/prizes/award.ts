import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { members, outbox } from '../db/schema.ts';
import { custodyFor } from './custody.ts';

export type OutboxRow = typeof outbox.$inferSelect;

export interface QueueAwardParameters {
  kind: 'stamp' | 'prize';
  memberId: string;
  /** Stamp id or prize id (shared/content). */
  itemId: string;
  /** The domain event that earned it. */
  eventId: string;
  /** What earned it: a quest, game or live-event id. */
  source: string;
  at: Date;
  /** The brand's custody address when it keeps guests' prizes in custody (AppContext.custodyAddress). */
  custody?: string | undefined;
}

/**
 * Queues an on-chain stamp or prize for the oracle, inside the caller's transaction: to the member's wallet, or for
 * a guest held until they connect one (or minted to the brand's custody address, when it keeps prizes in custody).
 */
export async function queueAward(tx: Db, params: QueueAwardParameters): Promise<OutboxRow> {
  const [member] = await tx
    .select({ address: members.address })
    .from(members)
    .where(eq(members.id, params.memberId));
  const custody = member?.address ? undefined : custodyFor(params.custody, params.kind, params.itemId);
  const recipient = member?.address ?? custody ?? null;
  const [row] = await tx
    .insert(outbox)
    .values({
      kind: params.kind,
      memberId: params.memberId,
      itemId: params.itemId,
      eventId: params.eventId,
      source: params.source,
      recipient,
      custody: custody ?? null,
      status: recipient ? 'queued' : 'held',
      createdAt: params.at,
      updatedAt: params.at,
    })
    .returning();
  if (!row) throw new Error('Layover: outbox insert returned nothing');
  return row;
}
