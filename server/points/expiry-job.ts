import { and, eq, lte, sql } from 'drizzle-orm';
import { pointsProgram } from '../../shared/content/points-program.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { pointsEntries, pointsNotices } from '../db/points-schema.ts';
import { members } from '../db/schema.ts';
import { type ExpiryRule, type ExpiryState, expiryState, isoDay, utcDay } from '../domain/points/expiry.ts';
import { EXPIRY_ACCOUNT, lockMember, memberAccount, postMovement } from './ledger.ts';
import { notifyPointsChanged } from './notify.ts';

/** What one run did: points expired per member, and members newly told their points are about to expire. */
export interface ExpiryRun {
  expired: { memberId: string; amount: number }[];
  noticed: { memberId: string; amount: number; on: string }[];
}

/** A member's expiry state at `now`, over their entries up to `now` (FIFO lots, the brand's rule). */
export async function memberExpiry(
  db: Db,
  memberId: string,
  now: Date,
  rule: ExpiryRule = pointsProgram.expiry,
): Promise<ExpiryState> {
  const lines = await db
    .select({ amount: pointsEntries.amount, at: pointsEntries.at })
    .from(pointsEntries)
    .where(
      and(
        eq(pointsEntries.accountKind, 'member'),
        eq(pointsEntries.accountId, memberId),
        lte(pointsEntries.at, now),
      ),
    );
  return expiryState(
    lines.map((line) => ({ amount: line.amount, at: line.at.getTime() })),
    now.getTime(),
    rule,
  );
}

/**
 * Expires what has run out for every member holding points: one movement per member and day
 * (`expiry:<memberId>:<YYYY-MM-DD>`, the member paying the expiry account), and a notice once per member and expiry
 * day when the next expiry is near. Safe to run twice and from two processes: the key and the notice's primary key
 * decide, and each member is re-read under their row lock.
 */
export async function runExpiry(
  ctx: Pick<AppContext, 'ledger' | 'presence' | 'logger' | 'clock' | 'content'>,
  now: Date,
  rule: ExpiryRule = pointsProgram.expiry,
): Promise<ExpiryRun> {
  const db = ctx.ledger.db;
  const holders = await db
    .select({ memberId: pointsEntries.accountId })
    .from(pointsEntries)
    .innerJoin(members, eq(members.id, pointsEntries.accountId))
    .where(and(eq(pointsEntries.accountKind, 'member'), lte(pointsEntries.at, now)))
    .groupBy(pointsEntries.accountId)
    .having(sql`sum(${pointsEntries.amount}) > 0`);
  const run: ExpiryRun = { expired: [], noticed: [] };
  for (const { memberId } of holders) {
    try {
      const first = await memberExpiry(db, memberId, now, rule);
      if (first.expireNow === 0 && !first.noticeDue) continue;
      const changed = await expireMember(db, memberId, now, rule, run);
      if (changed) await notifyPointsChanged(ctx, memberId);
    } catch (err) {
      ctx.logger.error({ err, memberId }, 'could not expire a member points');
    }
  }
  return run;
}

/** One member's expiry and notice under their row lock; true when their points moved. */
async function expireMember(db: Db, memberId: string, now: Date, rule: ExpiryRule, run: ExpiryRun) {
  return db.transaction(async (tx) => {
    if (!(await lockMember(tx, memberId))) return false;
    const state = await memberExpiry(tx, memberId, now, rule);
    let moved = false;
    if (state.expireNow > 0) {
      const posted = await postMovement(tx, {
        key: `expiry:${memberId}:${isoDay(utcDay(now.getTime()))}`,
        kind: 'expiry',
        reason: { code: 'expiry' },
        at: now,
        entries: [
          { account: memberAccount(memberId), amount: -state.expireNow },
          { account: EXPIRY_ACCOUNT, amount: state.expireNow },
        ],
      });
      if (posted.posted) {
        moved = true;
        run.expired.push({ memberId, amount: state.expireNow });
      }
    }
    if (state.noticeDue && state.next) {
      const inserted = await tx
        .insert(pointsNotices)
        .values({ memberId, expiresOn: state.next.on, amount: state.next.amount, sentAt: now })
        .onConflictDoNothing()
        .returning({ memberId: pointsNotices.memberId });
      if (inserted.length > 0) run.noticed.push({ memberId, ...state.next });
    }
    return moved;
  });
}
