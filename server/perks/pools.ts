import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { type PerkSpec, perkSpecs } from '../../shared/content/perks.ts';
import type { PoolUploadResponse, PoolView } from '../../shared/protocol/perks.ts';
import type { Db } from '../db/open.ts';
import { perkPoolCodes, perks } from '../db/perks-schema.ts';
import { rowsOf } from '../points/purchase.ts';

/** A partner's code as the brand may upload it: letters, digits, dashes, underscores and dots, 3-64 long. */
const POOL_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

/** The pools content names (a codePool perk's poolId), with the prizes that draw on each. */
export function knownPools(specs: readonly PerkSpec[] = perkSpecs): Map<string, string[]> {
  const pools = new Map<string, string[]>();
  for (const spec of specs)
    if (spec.kind === 'codePool') pools.set(spec.poolId, [...(pools.get(spec.poolId) ?? []), spec.prizeId]);
  return pools;
}

/**
 * Gives perk `perkId` the oldest free code of a pool, or null when the pool is empty. Concurrent takers never get
 * the same code: the row is locked and skipped by the others.
 */
export async function takePoolCode(db: Db, poolId: string, perkId: string): Promise<string | null> {
  const taken = await db.execute(sql`
    UPDATE perk_pool_codes SET perk_id = ${perkId}
    WHERE id = (
      SELECT id FROM perk_pool_codes WHERE pool_id = ${poolId} AND perk_id IS NULL
      ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
    )
    RETURNING code`);
  const code = rowsOf(taken)[0]?.code;
  return typeof code === 'string' ? code : null;
}

/** Codes in an upload: one a line, or CSV (first column, quotes dropped); a header line `code` is skipped. */
export function parsePoolText(text: string): { codes: string[]; invalid: number; repeated: number } {
  const seen = new Set<string>();
  let invalid = 0;
  let repeated = 0;
  for (const line of text.split(/\r?\n/)) {
    const cell = (line.split(/[,;\t]/)[0] ?? '')
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim();
    if (cell === '' || cell.toLowerCase() === 'code') continue;
    if (!POOL_CODE.test(cell)) invalid++;
    else if (seen.has(cell)) repeated++;
    else seen.add(cell);
  }
  return { codes: [...seen], invalid, repeated };
}

/**
 * Adds an upload's codes to a pool (a code already there is skipped), then gives codes to perks that were issued
 * while the pool was empty, oldest first; all in one transaction.
 */
export async function uploadPool(
  db: Db,
  params: { poolId: string; text: string; now: Date; specs?: readonly PerkSpec[] },
): Promise<PoolUploadResponse> {
  const { codes, invalid, repeated } = parsePoolText(params.text);
  return db.transaction(async (tx) => {
    const added =
      codes.length === 0
        ? []
        : await tx
            .insert(perkPoolCodes)
            .values(codes.map((code) => ({ poolId: params.poolId, code, uploadedAt: params.now })))
            .onConflictDoNothing()
            .returning({ id: perkPoolCodes.id });
    const waiting = await tx
      .select({ id: perks.id })
      .from(perks)
      .where(and(waitingFor(params.poolId), eq(perks.state, 'ready')))
      .orderBy(asc(perks.createdAt), asc(perks.unit))
      .for('update', { skipLocked: true });
    for (const perk of waiting) {
      const code = await takePoolCode(tx, params.poolId, perk.id);
      if (!code) break;
      await tx.update(perks).set({ partnerCode: code }).where(eq(perks.id, perk.id));
    }
    const pool = await poolView(tx, params.poolId, knownPools(params.specs).get(params.poolId) ?? []);
    return { added: added.length, duplicates: codes.length - added.length + repeated, invalid, pool };
  });
}

function waitingFor(poolId: string) {
  return and(
    eq(perks.kind, 'codePool'),
    isNull(perks.partnerCode),
    sql`${perks.details} ->> 'poolId' = ${poolId}`,
  );
}

/** A pool's counts: codes left, given, perks waiting for one. */
export async function poolView(db: Db, poolId: string, prizeIds: string[]): Promise<PoolView> {
  const [counts] = await db
    .select({
      available: sql<number>`count(*) FILTER (WHERE ${perkPoolCodes.perkId} IS NULL)::int`,
      issued: sql<number>`count(*) FILTER (WHERE ${perkPoolCodes.perkId} IS NOT NULL)::int`,
    })
    .from(perkPoolCodes)
    .where(eq(perkPoolCodes.poolId, poolId));
  const [waiting] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(perks)
    .where(and(waitingFor(poolId), eq(perks.state, 'ready')));
  const available = Number(counts?.available ?? 0);
  return {
    poolId,
    prizeIds,
    available,
    issued: Number(counts?.issued ?? 0),
    waiting: Number(waiting?.count ?? 0),
    exhausted: available === 0,
  };
}

/** Every pool content names, with its counts. */
export async function poolViews(db: Db, specs?: readonly PerkSpec[]): Promise<PoolView[]> {
  return Promise.all([...knownPools(specs)].map(([poolId, prizeIds]) => poolView(db, poolId, prizeIds)));
}
