import { and, eq, sql } from 'drizzle-orm';
import { isoDayOf } from '../../shared/protocol/analytics.ts';
import type { AppContext } from '../context.ts';
import { ADVISORY_LOCKS } from '../db/advisory-locks.ts';
import { analyticsRefresh, memberDays } from '../db/analytics-schema.ts';
import type { Db } from '../db/open.ts';

/** Days already written by this process, so a member rejoining on the same day costs no write at all. */
const MAX_REMEMBERED = 50_000;

/**
 * Records that a member was active on the current UTC day (a room join): one insert per member per day, ignored if
 * the row exists; never awaited by the room, and a failed write is only logged (analytics lose a day, nobody else).
 */
export class ActiveDays {
  private readonly written = new Set<string>();
  private day = '';

  constructor(private readonly ctx: Pick<AppContext, 'ledger' | 'clock' | 'logger'>) {}

  record(memberId: string): void {
    const day = isoDayOf(this.ctx.clock.now());
    if (day !== this.day || this.written.size >= MAX_REMEMBERED) {
      this.written.clear();
      this.day = day;
    }
    const key = `${memberId}|${day}`;
    if (this.written.has(key)) return;
    this.written.add(key);
    // After the join's turn, and inside the promise: a ledger that cannot be reached fails this write only.
    Promise.resolve()
      .then(() => this.ctx.ledger.db.insert(memberDays).values({ memberId, day }).onConflictDoNothing())
      .catch((err: unknown) => {
        this.written.delete(key);
        this.ctx.logger.warn({ err, memberId, day }, 'could not record an active day');
      });
  }
}

/**
 * A merge's active days, in its transaction: the guest's days become the member's (one row per person and day, so
 * a day both were active counts once), and the rollups' watermark goes back to the guest's first day, so the next
 * refresh recounts daily actives and retention cohorts from there (refresh.ts keeps days before the watermark).
 * Returns the guest's days moved or merged.
 */
export async function moveActiveDays(tx: Db, fromMemberId: string, intoMemberId: string): Promise<number> {
  const moved = await tx
    .delete(memberDays)
    .where(eq(memberDays.memberId, fromMemberId))
    .returning({ day: memberDays.day });
  if (moved.length === 0) return 0;
  await tx
    .insert(memberDays)
    .values(moved.map(({ day }) => ({ memberId: intoMemberId, day })))
    .onConflictDoNothing();
  const first = moved.map(({ day }) => day).sort()[0] ?? '';
  // After any refresh running now (it would write its own watermark over this one), before the next.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.analyticsRefresh})`);
  await tx
    .update(analyticsRefresh)
    .set({ throughDay: first })
    .where(and(eq(analyticsRefresh.id, 'program'), sql`${analyticsRefresh.throughDay} > ${first}::date`));
  return moved.length;
}
