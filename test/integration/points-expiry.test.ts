import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember } from '../../server/db/members.ts';
import type { Db } from '../../server/db/open.ts';
import { pointsMovements, pointsNotices } from '../../server/db/points-schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { runExpiry } from '../../server/points/expiry-job.ts';
import {
  accountTotals,
  BRAND_ACCOUNT,
  balanceOf,
  CATALOGUE_ACCOUNT,
  memberAccount,
  postMovement,
} from '../../server/points/ledger.ts';
import { freshDatabase } from '../support/fresh-database.ts';
import { startTestLayover } from '../support/layover.ts';

// Points expiry on a real Layover with injected times (runExpiry(ctx, t) once a month), on PGlite or a fresh database
// on DATABASE_URL's server. The times are in 2030 and later, past the server's own clock, so its hourly job (which
// reads only entries up to now) never sees them.
let layover: RunningLayover;
let db: Db;

let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const fresh = process.env.DATABASE_URL
    ? await freshDatabase(process.env.DATABASE_URL, 'expiry')
    : undefined;
  dropDatabase = fresh?.drop;
  layover = await startTestLayover(fresh ? { databaseUrl: fresh.url } : {});
  db = layover.ctx.ledger.db;
}, 180_000);

afterAll(async () => {
  await layover?.stop();
  await dropDatabase?.();
}, 60_000);

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

async function move(memberId: string, amount: number, when: string, kind: 'adjustment' | 'purchase') {
  const other = kind === 'purchase' ? CATALOGUE_ACCOUNT : BRAND_ACCOUNT;
  await db.transaction((tx) =>
    postMovement(tx, {
      key: `test-${kind}:${randomUUID()}`,
      kind,
      reason: kind === 'purchase' ? { code: 'purchase', params: { item: 'test' } } : { code: 'adjustment' },
      at: at(when),
      entries: [
        { account: memberAccount(memberId), amount },
        { account: other, amount: -amount },
      ],
    }),
  );
}

/** The 20th of every month from `from` (YYYY-MM) for `months` months. */
function monthly(from: string, months: number): string[] {
  const [year, month] = from.split('-').map(Number) as [number, number];
  return Array.from({ length: months }, (_, i) =>
    new Date(Date.UTC(year, month - 1 + i, 20)).toISOString().slice(0, 10),
  );
}

describe('points expiry across a year', () => {
  it('expires January points the next January, FIFO, never spent ones, once per day, with one notice per day', async () => {
    const member = await createMember(db, { displayName: 'Traveller' });
    const id = member.id;
    await move(id, 100, '2030-01-15', 'adjustment');
    await move(id, -30, '2030-02-01', 'purchase');
    await move(id, 50, '2030-03-10', 'adjustment');
    const balances: Record<string, number> = {};
    const expired: Record<string, number> = {};
    const noticed: Record<string, string> = {};
    for (const day of monthly('2030-01', 16)) {
      const run = await runExpiry(layover.ctx, at(day));
      const mine = run.expired.find((line) => line.memberId === id);
      if (mine) expired[day] = mine.amount;
      const notice = run.noticed.find((line) => line.memberId === id);
      if (notice) noticed[day] = `${notice.amount}@${notice.on}`;
      balances[day] = await balanceOf(db, memberAccount(id));
    }
    // The 30 spent in February came off January's lot: 70 of it expire after 2031-01-15, March's 50 after 2031-03-10.
    expect(expired).toEqual({ '2031-01-20': 70, '2031-03-20': 50 });
    expect(noticed).toEqual({ '2030-12-20': '70@2031-01-15', '2031-02-20': '50@2031-03-10' });
    expect(balances['2030-12-20']).toBe(120);
    expect(balances['2031-01-20']).toBe(50);
    expect(balances['2031-04-20']).toBe(0);

    // The same day again (twice at once, as two processes would): nothing more expires, no second notice.
    await move(id, 10, '2031-04-01', 'adjustment');
    const again = await Promise.all([
      runExpiry(layover.ctx, at('2031-03-20')),
      runExpiry(layover.ctx, at('2031-03-20')),
    ]);
    expect(again.flatMap((run) => run.expired.filter((line) => line.memberId === id))).toEqual([]);
    const movements = await db
      .select({ key: pointsMovements.key })
      .from(pointsMovements)
      .where(like(pointsMovements.key, `expiry:${id}:%`));
    expect(movements.map((row) => row.key).sort()).toEqual([
      `expiry:${id}:2031-01-20`,
      `expiry:${id}:2031-03-20`,
    ]);
    const notices = await db.select().from(pointsNotices).where(eq(pointsNotices.memberId, id));
    expect(notices.map((row) => [row.expiresOn, row.amount]).sort()).toEqual([
      ['2031-01-15', 70],
      ['2031-03-10', 50],
    ]);
    const totals = await accountTotals(db);
    expect(totals.expiry).toBeGreaterThanOrEqual(120);
    expect(Object.values(totals).reduce((sum, value) => sum + value, 0)).toBe(0);
  }, 120_000);

  it('runs two expiries of one member at once into one movement', async () => {
    const member = await createMember(db, { displayName: 'Twin' });
    await move(member.id, 40, '2032-05-05', 'adjustment');
    const day = at('2033-06-01');
    const runs = await Promise.all([
      runExpiry(layover.ctx, day),
      runExpiry(layover.ctx, day),
      runExpiry(layover.ctx, day),
    ]);
    const lines = runs.flatMap((run) => run.expired.filter((line) => line.memberId === member.id));
    expect(lines).toEqual([{ memberId: member.id, amount: 40 }]);
    expect(await balanceOf(db, memberAccount(member.id))).toBe(0);
    const rows = await db
      .select()
      .from(pointsMovements)
      .where(and(eq(pointsMovements.kind, 'expiry'), like(pointsMovements.key, `expiry:${member.id}:%`)));
    expect(rows).toHaveLength(1);
  }, 60_000);
});
