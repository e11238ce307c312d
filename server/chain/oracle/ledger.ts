import { and, asc, eq, inArray, isNull, not, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import { mintAttempts, type OutboxStatus, outbox } from '../../db/schema.ts';

export type OutboxRow = typeof outbox.$inferSelect;
export type MintAttempt = typeof mintAttempts.$inferSelect;

/** Attempts whose nonce is not settled yet: signed (maybe never broadcast) or sent. */
export const OPEN_ATTEMPT = ['signed', 'sent'] as const;

/**
 * The next batch, up to `limit` rows, oldest first: mints of the oldest queued kind (one contract per transaction),
 * or transfers out of custody to one member (one ERC-1155 batch transfer per recipient). Prizes in `waiting` (not
 * on chain yet) are left in the queue.
 */
export async function nextQueued(
  db: Db,
  limit: number,
  waiting: readonly string[] = [],
): Promise<OutboxRow[]> {
  const queued: SQL =
    waiting.length === 0
      ? eq(outbox.status, 'queued')
      : (and(
          eq(outbox.status, 'queued'),
          not(and(eq(outbox.kind, 'prize'), inArray(outbox.itemId, [...waiting])) as SQL),
        ) as SQL);
  const [oldest] = await db.select().from(outbox).where(queued).orderBy(asc(outbox.id)).limit(1);
  if (!oldest) return [];
  const mints = or(isNull(outbox.custody), eq(outbox.recipient, outbox.custody));
  const where =
    oldest.custody && oldest.recipient && oldest.recipient !== oldest.custody
      ? and(queued, eq(outbox.custody, oldest.custody), eq(outbox.recipient, oldest.recipient))
      : and(queued, eq(outbox.kind, oldest.kind), mints);
  return db.select().from(outbox).where(where).orderBy(asc(outbox.id)).limit(limit);
}

/**
 * Repairs rows left behind by an older process that updated an attempt but not its rows: rows of a confirmed
 * attempt are delivered; rows of a reverted or dropped one go back to the queue (their claim ids keep that safe).
 */
export async function repairOrphans(db: Db): Promise<number> {
  const delivered = (await db.execute(sql`
    UPDATE outbox SET status = 'delivered', delivered_at = now(), updated_at = now()
    FROM mint_attempts a
    WHERE outbox.attempt_id = a.id AND outbox.status IN ('sent', 'mined') AND a.status = 'confirmed'
    RETURNING outbox.id`)) as { rows: unknown[] };
  const requeued = (await db.execute(sql`
    UPDATE outbox SET status = 'queued', attempt_id = NULL, tx_hash = NULL, updated_at = now()
    FROM mint_attempts a
    WHERE outbox.attempt_id = a.id AND outbox.status IN ('sent', 'mined') AND a.status IN ('reverted', 'dropped')
      AND a.kind <> 'transfer'
    RETURNING outbox.id`)) as { rows: unknown[] };
  return delivered.rows.length + requeued.rows.length;
}

/** Prizes sitting in custody whose member now has a wallet: queued again, to be transferred there. */
export async function releaseCustody(db: Db): Promise<OutboxRow[]> {
  const result = (await db.execute(sql`
    UPDATE outbox SET status = 'queued', recipient = members.address, attempt_id = NULL, updated_at = now()
    FROM members
    WHERE outbox.member_id = members.id AND outbox.custody IS NOT NULL AND outbox.status = 'delivered'
      AND outbox.recipient = outbox.custody AND members.address IS NOT NULL
    RETURNING outbox.id`)) as { rows: { id: number | string }[] };
  const ids = result.rows.map((row) => Number(row.id));
  return ids.length === 0 ? [] : db.select().from(outbox).where(inArray(outbox.id, ids));
}

/** Writes a signed transaction and moves its rows to `sent`, before anything is broadcast. */
export async function recordAttempt(
  db: Db,
  attempt: Pick<MintAttempt, 'kind' | 'nonce' | 'txHash' | 'rawTx' | 'maxFeePerGas' | 'outboxIds'>,
): Promise<MintAttempt> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mintAttempts)
      .values({ ...attempt, status: 'signed' })
      .returning();
    if (!row) throw new Error('Layover: mint attempt insert returned nothing');
    const taken = await tx
      .update(outbox)
      .set({
        status: 'sent',
        attemptId: row.id,
        txHash: row.txHash,
        tries: sql`${outbox.tries} + 1`,
        updatedAt: new Date(),
      })
      .where(and(inArray(outbox.id, attempt.outboxIds), eq(outbox.status, 'queued')))
      .returning({ id: outbox.id });
    // Another oracle (a lost leadership not noticed yet) took some of these rows: record nothing.
    if (taken.length !== attempt.outboxIds.length)
      throw new Error(`Layover: outbox rows left the queue before mint attempt ${row.txHash} was recorded`);
    return row;
  });
}

/** A fee-bumped copy of an open attempt (same nonce, same calls); the older one becomes `replaced`. */
export async function recordReplacement(
  db: Db,
  previous: MintAttempt,
  signed: { txHash: string; rawTx: string; maxFeePerGas: string },
): Promise<MintAttempt> {
  return db.transaction(async (tx) => {
    await tx
      .update(mintAttempts)
      .set({ status: 'replaced', updatedAt: new Date() })
      .where(eq(mintAttempts.id, previous.id));
    const [row] = await tx
      .insert(mintAttempts)
      .values({
        kind: previous.kind,
        nonce: previous.nonce,
        outboxIds: previous.outboxIds,
        status: 'sent',
        ...signed,
      })
      .returning();
    if (!row) throw new Error('Layover: mint attempt insert returned nothing');
    await tx
      .update(outbox)
      .set({ attemptId: row.id, txHash: row.txHash, updatedAt: new Date() })
      .where(inArray(outbox.id, previous.outboxIds));
    return row;
  });
}

export async function setAttemptStatus(
  db: Db,
  id: number,
  status: string,
  fields: { blockNumber?: number | null; error?: string | null } = {},
): Promise<void> {
  await db
    .update(mintAttempts)
    .set({ status, ...fields, updatedAt: new Date() })
    .where(eq(mintAttempts.id, id));
}

/** Attempts of every nonce still open, oldest nonce first, each nonce's attempts newest first. */
export async function openAttempts(db: Db): Promise<MintAttempt[]> {
  return db
    .select()
    .from(mintAttempts)
    .where(inArray(mintAttempts.status, [...OPEN_ATTEMPT, 'replaced']))
    .orderBy(asc(mintAttempts.nonce), sql`${mintAttempts.id} DESC`);
}

/** Every attempt ever signed for `nonce`, newest first (replaced and dropped ones too). */
export async function attemptsWithNonce(db: Db, nonce: number): Promise<MintAttempt[]> {
  return db
    .select()
    .from(mintAttempts)
    .where(eq(mintAttempts.nonce, nonce))
    .orderBy(sql`${mintAttempts.id} DESC`);
}

/** The rows a group of attempts for one nonce carries (replacements carry the same ones). */
export function carriedBy(group: readonly MintAttempt[]): number[] {
  return [...new Set(group.flatMap((attempt) => attempt.outboxIds))];
}

/** Mined attempts not yet confirmed. */
export async function minedAttempts(db: Db): Promise<MintAttempt[]> {
  return db
    .select()
    .from(mintAttempts)
    .where(eq(mintAttempts.status, 'mined'))
    .orderBy(asc(mintAttempts.nonce));
}

/** Moves rows to a new status and returns them (for telling their members). */
export async function setRows(
  db: Db,
  ids: readonly number[],
  status: OutboxStatus,
  fields: Partial<Pick<OutboxRow, 'txHash' | 'blockNumber' | 'lastError' | 'attemptId' | 'deliveredAt'>> = {},
): Promise<OutboxRow[]> {
  if (ids.length === 0) return [];
  return db
    .update(outbox)
    .set({ status, ...fields, updatedAt: new Date() })
    .where(inArray(outbox.id, [...ids]))
    .returning();
}

/** Queue depth by status and the age of the oldest row not yet delivered, for /metrics. */
export async function queueStats(db: Db): Promise<{ depth: Record<string, number>; oldestMs: number }> {
  const rows = (await db.execute(
    sql`SELECT status, count(*)::int AS n, min(created_at) AS oldest FROM outbox
        WHERE status IN ('held', 'queued', 'sent', 'mined') GROUP BY status`,
  )) as { rows: { status: string; n: number; oldest: string | Date }[] };
  const depth: Record<string, number> = { held: 0, queued: 0, sent: 0, mined: 0 };
  let oldest = Number.POSITIVE_INFINITY;
  for (const row of rows.rows) {
    depth[row.status] = Number(row.n);
    if (row.status !== 'held') oldest = Math.min(oldest, new Date(row.oldest).getTime());
  }
  return { depth, oldestMs: Number.isFinite(oldest) ? Math.max(0, Date.now() - oldest) : 0 };
}
