import { and, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { type Prize, prizes as seedPrizes } from '../../shared/content/prizes.ts';
import { hasLastingIdentity } from '../auth/identity.ts';
import type { AppContext } from '../context.ts';
import { dropClaims, eventDrops } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';
import { members, outbox } from '../db/schema.ts';
import { custodyFor } from './custody.ts';

/**
 * Prize eligibility (PRIZE_REQUIRES). Every prize (quest rewards, game wins, live-event drops) goes through
 * `queueAward`; a winner without the identity the brand asks for gets the prize held unminted for
 * PRIZE_HOLD_MS, whatever PRIZE_CUSTODY says, and is told to keep their account:
 * - `any`: nobody is held for identity (PRIZE_CUSTODY alone decides, as before);
 * - `lasting` (default): a wallet address or any sign-in credential (email, passkey, the brand's login);
 * - `wallet`: a wallet address.
 * Stamps are never held for identity: they are the member's own passport, not a prize with a supply.
 *
 * Once the member keeps their account (`releaseIdentityHolds`, called after any credential or wallet is added) the
 * hold clears and PRIZE_CUSTODY applies as for any other guest prize. Holds nobody released in time are returned
 * to the prize's supply by `sweepExpiredHolds` (the outbox row fails with `hold expired`; a drop's claimed count
 * goes down, so the prize can be won again while the drop is open). Held rows are never minted, so the on-chain
 * maxSupply counts only what was really given.
 */
export type PrizeRequirement = 'any' | 'lasting' | 'wallet';

export const PRIZE_REQUIREMENTS: readonly PrizeRequirement[] = ['any', 'lasting', 'wallet'];

/** How long a prize waits for its winner to keep their account. */
export const PRIZE_HOLD_MS = 7 * 24 * 60 * 60 * 1000;

/** What the outbox row of a hold that ran out says. */
export const HOLD_EXPIRED = 'hold expired';

/**
 * The brand's PRIZE_REQUIRES: `config.prizes.requires` once the server's config carries it, else the
 * PRIZE_REQUIRES environment variable, else `lasting`. An unknown value is refused loudly (a typo must not
 * silently hand prizes to throwaway guests).
 */
export function prizeRequirement(config?: unknown): PrizeRequirement {
  const configured = (config as { prizes?: { requires?: unknown } } | undefined)?.prizes?.requires;
  const value = configured ?? process.env.PRIZE_REQUIRES ?? 'lasting';
  if (!PRIZE_REQUIREMENTS.includes(value as PrizeRequirement))
    throw new Error(`Layover: PRIZE_REQUIRES must be any, lasting or wallet (got "${String(value)}")`);
  return value as PrizeRequirement;
}

/** Whether a member has the identity `requires` asks for (inside the caller's transaction, if any). */
export async function meetsPrizeRequirement(
  db: Db,
  memberId: string,
  requires: PrizeRequirement,
): Promise<boolean> {
  if (requires === 'any') return true;
  if (requires === 'lasting') return hasLastingIdentity(db, memberId);
  const [member] = await db
    .select({ address: members.address })
    .from(members)
    .where(eq(members.id, memberId));
  return Boolean(member?.address);
}

export type OutboxRow = typeof outbox.$inferSelect;

/**
 * Clears a member's identity holds when they now meet the requirement, inside the caller's transaction: each row
 * goes where PRIZE_CUSTODY sends any other prize of theirs (their wallet; the custody address for a transferable
 * prize when the brand keeps custody; else it stays held, with no expiry, until a wallet). A hold past its expiry
 * that the sweep has not yet returned is released too: the member kept their account before the prize went back.
 */
export async function releaseHoldsIn(
  tx: Db,
  memberId: string,
  options: {
    requires: PrizeRequirement;
    custody: string | undefined;
    now: Date;
    /** The published prizes (custody is for transferable ones); omitted, the seed's. */
    prizes?: readonly Prize[] | undefined;
  },
): Promise<OutboxRow[]> {
  if (!(await meetsPrizeRequirement(tx, memberId, options.requires))) return [];
  const held = await tx
    .select()
    .from(outbox)
    .where(and(eq(outbox.memberId, memberId), eq(outbox.status, 'held'), isNotNull(outbox.holdExpiresAt)));
  if (held.length === 0) return [];
  const [member] = await tx
    .select({ address: members.address })
    .from(members)
    .where(eq(members.id, memberId));
  const released: OutboxRow[] = [];
  for (const row of held) {
    const custody = member?.address
      ? undefined
      : custodyFor(options.custody, 'prize', row.itemId, options.prizes ?? seedPrizes);
    const recipient = member?.address ?? custody ?? null;
    const [updated] = await tx
      .update(outbox)
      .set({
        holdExpiresAt: null,
        status: recipient ? 'queued' : 'held',
        recipient,
        custody: custody ?? null,
        updatedAt: options.now,
      })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, 'held')))
      .returning();
    if (updated) released.push(updated);
  }
  return released;
}

/**
 * Call after a member added a credential or a wallet ("keep your account"): their prizes held for lack of identity
 * are released (see `releaseHoldsIn`) and the oracle is woken for the ones now queued. Returns the changed rows
 * (to tell the member with `delivery` updates, if wanted). Safe to call any time: nothing held, nothing changes.
 */
export async function releaseIdentityHolds(
  ctx: Pick<AppContext, 'ledger' | 'config' | 'custodyAddress' | 'clock' | 'oracle'> &
    Partial<Pick<AppContext, 'content'>>,
  memberId: string,
): Promise<OutboxRow[]> {
  const released = await ctx.ledger.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT id FROM members WHERE id = ${memberId} FOR UPDATE`);
    return releaseHoldsIn(tx, memberId, {
      requires: prizeRequirement(ctx.config),
      custody: ctx.custodyAddress,
      now: new Date(ctx.clock.now()),
      prizes: ctx.content?.current().bundle.prizes,
    });
  });
  if (released.some((row) => row.status === 'queued')) ctx.oracle?.wake();
  return released;
}

/**
 * Returns every hold that expired by `now` to its prize's supply, in one transaction: the row fails with
 * `hold expired` (never minted; the member sees it as failed), and a drop prize frees its place in the drop
 * (claimed - 1, the claim marked lost). Returns the expired rows. Idempotent: a row expires once.
 */
export async function sweepExpiredHolds(db: Db, now: Date): Promise<OutboxRow[]> {
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(outbox)
      .set({ status: 'failed', lastError: HOLD_EXPIRED, updatedAt: now })
      .where(and(eq(outbox.status, 'held'), isNotNull(outbox.holdExpiresAt), lte(outbox.holdExpiresAt, now)))
      .returning();
    for (const row of expired) {
      const claims = await tx
        .update(dropClaims)
        .set({ won: false })
        .where(eq(dropClaims.outboxId, row.id))
        .returning({ dropId: dropClaims.dropId });
      for (const claim of claims)
        await tx
          .update(eventDrops)
          .set({ claimed: sql`GREATEST(${eventDrops.claimed} - 1, 0)` })
          .where(eq(eventDrops.id, claim.dropId));
    }
    return expired;
  });
}

/**
 * Sweeps expired holds every `intervalMs` (and once at start) on the context's clock; each expired row is told
 * to its member through `onExpired` (a `delivery` update, say). Returns a stop function.
 */
export function startHoldSweeper(
  ctx: Pick<AppContext, 'ledger' | 'clock' | 'logger'>,
  options: { intervalMs?: number; onExpired?: (rows: OutboxRow[]) => void } = {},
): () => void {
  let running: Promise<void> | undefined;
  const sweep = () => {
    if (running) return;
    running = sweepExpiredHolds(ctx.ledger.db, new Date(ctx.clock.now()))
      .then((rows) => {
        if (rows.length === 0) return;
        ctx.logger.info({ expired: rows.length }, 'prize holds expired: back to supply');
        options.onExpired?.(rows);
      })
      .catch((err: unknown) => ctx.logger.warn({ err }, 'could not sweep expired prize holds'))
      .finally(() => {
        running = undefined;
      });
  };
  sweep();
  const timer = setInterval(sweep, options.intervalMs ?? 60_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
