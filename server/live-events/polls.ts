import { count, eq } from 'drizzle-orm';
import { pollVotes } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';

/** Records a member's one vote in a poll; false when they had already voted (in any instance). */
export async function castVote(db: Db, pollId: string, memberId: string, option: number): Promise<boolean> {
  const rows = await db
    .insert(pollVotes)
    .values({ pollId, memberId, option, at: new Date() })
    .onConflictDoNothing()
    .returning({ memberId: pollVotes.memberId });
  return rows.length > 0;
}

/** Votes per option of a poll, over every instance. */
export async function pollTallies(db: Db, pollId: string, options: number): Promise<number[]> {
  const rows = await db
    .select({ option: pollVotes.option, n: count() })
    .from(pollVotes)
    .where(eq(pollVotes.pollId, pollId))
    .groupBy(pollVotes.option);
  const tallies = Array.from({ length: options }, () => 0);
  for (const row of rows) if (row.option < options) tallies[row.option] = row.n;
  return tallies;
}
