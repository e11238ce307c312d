import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { perks } from '../db/perks-schema.ts';

/** How often each process marks perks past their expiry (reads already show them expired before the sweep). */
export const PERK_EXPIRY_SWEEP_MS = 10 * 60_000;

/** Marks ready perks past their expiry `expired`; answers how many. A used perk stays used. */
export async function expirePerks(db: Db, now: Date): Promise<number> {
  const expired = await db
    .update(perks)
    .set({ state: 'expired' })
    .where(and(eq(perks.state, 'ready'), lte(perks.expiresAt, now)))
    .returning({ id: perks.id });
  return expired.length;
}
