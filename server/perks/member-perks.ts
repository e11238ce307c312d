import { and, desc, eq } from 'drizzle-orm';
import type { PerkView } from '../../shared/protocol/perks.ts';
import type { Db } from '../db/open.ts';
import { perks } from '../db/perks-schema.ts';
import { perkViews } from './view.ts';

/** The most perks one answer lists (newest first): a member with more sees their latest. */
export const PERKS_PAGE = 200;

/** A member's own perks, newest first; another member's never appear. */
export async function memberPerks(db: Db, memberId: string, now: Date): Promise<PerkView[]> {
  const rows = await db
    .select()
    .from(perks)
    .where(eq(perks.memberId, memberId))
    .orderBy(desc(perks.createdAt), desc(perks.unit))
    .limit(PERKS_PAGE);
  return perkViews(db, rows, now);
}

/** One of a member's perks by id; undefined when it is not theirs (or does not exist: the two read the same). */
export async function memberPerk(db: Db, memberId: string, perkId: string) {
  const [row] = await db
    .select()
    .from(perks)
    .where(and(eq(perks.id, perkId), eq(perks.memberId, memberId)));
  return row;
}
