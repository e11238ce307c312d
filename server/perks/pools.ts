import { sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { rowsOf } from '../points/purchase.ts';

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
