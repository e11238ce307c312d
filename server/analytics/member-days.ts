import { isoDayOf } from '../../shared/protocol/analytics.ts';
import type { AppContext } from '../context.ts';
import { memberDays } from '../db/analytics-schema.ts';

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
