import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { members } from '../db/schema.ts';

/**
 * Display names for console actors (`member:<id>` or a wallet address): the member's name when the ledger knows
 * them, else the actor as stored. Answers a map from actor to label.
 */
export async function actorLabels(db: Db, actors: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(actors)];
  const labels = new Map(unique.map((actor) => [actor, actor]));
  const ids = unique.filter((a) => a.startsWith('member:')).map((a) => a.slice('member:'.length));
  const wallets = unique.filter((a) => a.startsWith('0x')).map((a) => a.toLowerCase());
  if (ids.length > 0) {
    const rows = await db
      .select({ id: members.id, name: members.displayName })
      .from(members)
      .where(inArray(members.id, ids));
    for (const row of rows) labels.set(`member:${row.id}`, row.name);
  }
  if (wallets.length > 0) {
    const rows = await db
      .select({ address: members.address, name: members.displayName })
      .from(members)
      .where(inArray(sql`lower(${members.address})`, wallets));
    for (const row of rows) {
      const actor = unique.find((a) => a.toLowerCase() === row.address?.toLowerCase());
      if (actor) labels.set(actor, row.name);
    }
  }
  return labels;
}
