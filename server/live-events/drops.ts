import { randomBytes } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import type { DropSpec } from '../../shared/content/live-events.ts';
import type { Prize } from '../../shared/content/prizes.ts';
import type { DropOutcome } from '../../shared/protocol/live-events.ts';
import { dropClaims, eventDrops } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';
import { drawRaffle, raffleCommit } from '../domain/live-events/raffle.ts';
import { type OutboxRow, queueAward } from '../prizes/award.ts';
import { prizeCapReached, prizesPerMemberPerDay } from '../prizes/caps.ts';
import type { PrizeRequirement } from '../prizes/eligibility.ts';

export type DropRow = typeof eventDrops.$inferSelect;

/** Opens a scheduled drop once per event: its window starts now; a raffle's seed is fixed (and committed) here. */
export async function releaseDrop(
  db: Db,
  eventId: string,
  spec: DropSpec,
  now: Date,
): Promise<DropRow | undefined> {
  const seed = randomBytes(32).toString('hex');
  const [row] = await db
    .insert(eventDrops)
    .values({
      eventId,
      dropKey: spec.id,
      prizeId: spec.prizeId,
      mode: spec.mode,
      supply: spec.supply,
      openedAt: now,
      closesAt: new Date(now.getTime() + spec.windowSeconds * 1000),
      seed,
      commit: raffleCommit(seed),
    })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function findDrop(db: Db, eventId: string, dropKey: string): Promise<DropRow | undefined> {
  const [row] = await db
    .select()
    .from(eventDrops)
    .where(and(eq(eventDrops.eventId, eventId), eq(eventDrops.dropKey, dropKey)));
  return row;
}

export interface ClaimResult {
  outcome: DropOutcome;
  /** The prize row queued for the oracle when the claim won. */
  prize?: OutboxRow;
}

/**
 * One member's claim, in one transaction under the drop's row lock: at most one claim per member, never more winners
 * than the supply, and a winner's prize queued for the oracle in the same commit. A raffle claim is an entry.
 */
export async function claimDrop(
  db: Db,
  eventId: string,
  dropKey: string,
  memberId: string,
  now: Date,
  custody?: string,
  requires?: PrizeRequirement,
  /** The published prizes (custody is for transferable ones); omitted, the seed's. */
  prizes?: readonly Prize[],
): Promise<ClaimResult> {
  return db.transaction(async (tx) => {
    const locked = (await tx.execute(
      sql`SELECT id FROM event_drops WHERE event_id = ${eventId} AND drop_key = ${dropKey} FOR UPDATE`,
    )) as unknown as { rows: { id: string | number }[] };
    if (!locked.rows[0]) return { outcome: 'notFound' };
    const drop = await findDrop(tx, eventId, dropKey);
    if (!drop) return { outcome: 'notFound' };
    if (now < drop.openedAt || now >= drop.closesAt) return { outcome: 'closed' };
    const entered = await tx
      .insert(dropClaims)
      .values({ dropId: drop.id, memberId, at: now })
      .onConflictDoNothing()
      .returning({ memberId: dropClaims.memberId });
    if (entered.length === 0) return { outcome: 'already' };
    // One place per browser: a second guest made in the same browser has, for this drop, already claimed it.
    if (await browserAlreadyClaimed(tx, drop.id, memberId)) {
      await tx
        .delete(dropClaims)
        .where(and(eq(dropClaims.dropId, drop.id), eq(dropClaims.memberId, memberId)));
      return { outcome: 'already' };
    }
    if (drop.mode === 'raffle') return { outcome: 'entered' };
    const where = and(eq(dropClaims.dropId, drop.id), eq(dropClaims.memberId, memberId));
    if (drop.claimed >= drop.supply) {
      await tx.update(dropClaims).set({ won: false }).where(where);
      return { outcome: 'soldOut' };
    }
    // A member over the daily prize cap takes no place in the drop: the rest stay for others.
    if (await prizeCapReached(tx, memberId, now, prizesPerMemberPerDay())) {
      await tx.update(dropClaims).set({ won: false }).where(where);
      return { outcome: 'dailyCap' };
    }
    const prize = await queueDropPrize(tx, drop, memberId, now, custody, requires, prizes);
    await tx
      .update(eventDrops)
      .set({ claimed: drop.claimed + 1 })
      .where(eq(eventDrops.id, drop.id));
    await tx.update(dropClaims).set({ won: true, outboxId: prize.id }).where(where);
    return { outcome: 'won', prize };
  });
}

/** True when another member who signed in from one of this member's browsers already holds a claim on the drop. */
async function browserAlreadyClaimed(db: Db, dropId: number, memberId: string): Promise<boolean> {
  const result = (await db.execute(sql`
    SELECT 1 FROM drop_claims c
    JOIN device_sessions d ON d.member_id = c.member_id
    WHERE c.drop_id = ${dropId} AND c.member_id <> ${memberId} AND d.browser_id IN (
      SELECT browser_id FROM device_sessions WHERE member_id = ${memberId} AND browser_id IS NOT NULL
    )
    LIMIT 1`)) as unknown as { rows: unknown[] };
  return result.rows.length > 0;
}

export interface RaffleDraw {
  seed: string;
  winners: { memberId: string; prize: OutboxRow }[];
  losers: string[];
}

/** Draws a raffle whose window has closed; exactly one caller (any instance, any process) gets the draw. */
export async function drawDueRaffle(
  db: Db,
  eventId: string,
  dropKey: string,
  now: Date,
  custody?: string,
  requires?: PrizeRequirement,
  /** The published prizes (custody is for transferable ones); omitted, the seed's. */
  prizes?: readonly Prize[],
): Promise<RaffleDraw | undefined> {
  return db.transaction(async (tx) => {
    const [drop] = await tx
      .update(eventDrops)
      .set({ drawnAt: now })
      .where(
        and(
          eq(eventDrops.eventId, eventId),
          eq(eventDrops.dropKey, dropKey),
          eq(eventDrops.mode, 'raffle'),
          sql`${eventDrops.drawnAt} IS NULL`,
          sql`${eventDrops.closesAt} <= ${now}`,
        ),
      )
      .returning();
    if (!drop) return undefined;
    const entrants = await tx
      .select({ memberId: dropClaims.memberId })
      .from(dropClaims)
      .where(eq(dropClaims.dropId, drop.id));
    const winnerIds = drawRaffle(
      drop.seed,
      entrants.map((entry) => entry.memberId),
      drop.supply,
    );
    const winners: RaffleDraw['winners'] = [];
    for (const memberId of winnerIds) {
      const prize = await queueDropPrize(tx, drop, memberId, now, custody, requires, prizes);
      await tx
        .update(dropClaims)
        .set({ won: true, outboxId: prize.id })
        .where(and(eq(dropClaims.dropId, drop.id), eq(dropClaims.memberId, memberId)));
      winners.push({ memberId, prize });
    }
    await tx
      .update(dropClaims)
      .set({ won: false })
      .where(and(eq(dropClaims.dropId, drop.id), sql`${dropClaims.won} IS NULL`));
    await tx.update(eventDrops).set({ claimed: winners.length }).where(eq(eventDrops.id, drop.id));
    const winnerSet = new Set(winnerIds);
    return {
      seed: drop.seed,
      winners,
      losers: entrants.map((entry) => entry.memberId).filter((id) => !winnerSet.has(id)),
    };
  });
}

/** A winner's prize for the oracle, keyed by drop and member (a replay adds nothing), credited to the event. */
function queueDropPrize(
  tx: Db,
  drop: DropRow,
  memberId: string,
  at: Date,
  custody: string | undefined,
  requires: PrizeRequirement | undefined,
  prizes: readonly Prize[] | undefined,
): Promise<OutboxRow> {
  return queueAward(tx, {
    kind: 'prize',
    memberId,
    itemId: drop.prizeId,
    eventId: `drop:${drop.id}:${memberId}`,
    source: `event:${drop.eventId}`,
    at,
    custody,
    requires,
    prizes,
  });
}

/** Claimed (winners so far) and entrants (every claim or entry) of a drop. */
export async function dropCounts(db: Db, dropId: number): Promise<{ claimed: number; entrants: number }> {
  const [drop] = await db
    .select({ claimed: eventDrops.claimed })
    .from(eventDrops)
    .where(eq(eventDrops.id, dropId));
  const [entries] = await db.select({ n: count() }).from(dropClaims).where(eq(dropClaims.dropId, dropId));
  return { claimed: drop?.claimed ?? 0, entrants: entries?.n ?? 0 };
}
