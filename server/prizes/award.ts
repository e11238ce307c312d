import { eq } from 'drizzle-orm';
import { type Prize, prizes as seedPrizes } from '../../shared/content/prizes.ts';
import type { Db } from '../db/open.ts';
import { members, outbox } from '../db/schema.ts';
import { PRIZE_DAILY_CAP, prizeCapReached, prizesPerMemberPerDay } from './caps.ts';
import { custodyFor } from './custody.ts';
import { meetsPrizeRequirement, PRIZE_HOLD_MS, type PrizeRequirement } from './eligibility.ts';

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
  /**
   * The brand's PRIZE_REQUIRES (`prizeRequirement(ctx.config)`); omitted means `any`. A prize won by a member
   * without that identity is held unminted for PRIZE_HOLD_MS (outbox.hold_expires_at), whatever `custody` says.
   */
  requires?: PrizeRequirement | undefined;
  /** Prizes this member may win per UTC day; omitted means PRIZES_PER_MEMBER_PER_DAY (./caps.ts). */
  dailyCap?: number | undefined;
  /**
   * The published prizes (ctx.content.current().bundle.prizes), for custody's soulbound check; omitted, the seed's
   * (callers not passing the published catalogue yet: a prize published after boot then waits held for a wallet).
   */
  prizes?: readonly Prize[] | undefined;
}

/**
 * Queues an on-chain stamp or prize for the oracle, inside the caller's transaction: to the member's wallet, or for
 * a guest held until they connect one (or minted to the brand's custody address, when it keeps prizes in custody).
 * A prize whose winner lacks the identity `requires` asks for is held until they keep their account (or it expires
 * back to supply; see ./eligibility.ts). A prize past the member's daily cap is recorded as failed (./caps.ts).
 */
export async function queueAward(tx: Db, params: QueueAwardParameters): Promise<OutboxRow> {
  if (
    params.kind === 'prize' &&
    (await prizeCapReached(tx, params.memberId, params.at, params.dailyCap ?? prizesPerMemberPerDay()))
  )
    return refuseOverCap(tx, params);
  const identityHold =
    params.kind === 'prize' &&
    params.requires !== undefined &&
    params.requires !== 'any' &&
    !(await meetsPrizeRequirement(tx, params.memberId, params.requires));
  const [member] = await tx
    .select({ address: members.address })
    .from(members)
    .where(eq(members.id, params.memberId));
  const custody =
    member?.address || identityHold
      ? undefined
      : custodyFor(params.custody, params.kind, params.itemId, params.prizes ?? seedPrizes);
  const recipient = identityHold ? null : (member?.address ?? custody ?? null);
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
      holdExpiresAt: identityHold ? new Date(params.at.getTime() + PRIZE_HOLD_MS) : null,
    })
    .returning();
  if (!row) throw new Error('Layover: outbox insert returned nothing');
  return row;
}

/** A prize over the member's daily cap: recorded as failed (never minted, nothing taken from the supply). */
async function refuseOverCap(tx: Db, params: QueueAwardParameters): Promise<OutboxRow> {
  const [row] = await tx
    .insert(outbox)
    .values({
      kind: params.kind,
      memberId: params.memberId,
      itemId: params.itemId,
      eventId: params.eventId,
      source: params.source,
      recipient: null,
      status: 'failed',
      lastError: PRIZE_DAILY_CAP,
      createdAt: params.at,
      updatedAt: params.at,
    })
    .returning();
  if (!row) throw new Error('Layover: outbox insert returned nothing');
  return row;
}
