import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createMember } from '../../server/db/members.ts';
import { type Db, type Ledger, openLedger } from '../../server/db/open.ts';
import { pointsEntries, pointsMovements } from '../../server/db/points-schema.ts';
import {
  accountTotals,
  BRAND_ACCOUNT,
  balanceOf,
  lockMember,
  memberAccount,
  memberHistory,
  postMovement,
} from '../../server/points/ledger.ts';
import { freshDatabase } from '../support/fresh-database.ts';
import { Book, mulberry32, randomOperation } from './points-ledger-model.ts';

// The points ledger on its own (no server): on embedded PGlite and on a fresh PostgreSQL database of its own, made
// from TEST_DATABASE_URL's server and dropped after the run.
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const cleanups: (() => Promise<unknown>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
}, 60_000);

async function pgliteLedger(): Promise<Ledger> {
  const dir = await mkdtemp(join(tmpdir(), 'layover-points-'));
  const ledger = await openLedger({ dataDir: dir });
  cleanups.push(
    () => rm(dir, { recursive: true, force: true }),
    () => ledger.close(),
  );
  return ledger;
}

async function postgresLedger(): Promise<Ledger> {
  const fresh = await freshDatabase(ADMIN_URL, 'points');
  cleanups.push(fresh.drop);
  const ledger = await openLedger({ databaseUrl: fresh.url, dataDir: 'unused' });
  cleanups.push(() => ledger.close());
  return ledger;
}

const rows = async <T>(db: Db, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/** What the database itself says about the books: the grand total and any movement that does not sum to zero. */
async function booksInDb(db: Db): Promise<{ total: number; unbalanced: number }> {
  const [total] = await rows<{ total: string }>(
    db,
    sql`SELECT coalesce(sum(amount), 0)::text AS total FROM points_entries`,
  );
  const [unbalanced] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (SELECT movement_id FROM points_entries GROUP BY movement_id
        HAVING sum(amount) <> 0 OR count(*) < 2) AS bad`,
  );
  return { total: Number(total?.total), unbalanced: unbalanced?.n ?? -1 };
}

/** Every account of the model against balanceOf, each kind against accountTotals, and the whole book against 0. */
async function expectBooksMatch(db: Db, book: Book): Promise<void> {
  for (const [key, expected] of book.balances) {
    const [kind, id] = key.split('|') as [never, string];
    expect(await balanceOf(db, { kind, id }), key).toBe(expected);
  }
  const totals = await accountTotals(db);
  expect(totals).toEqual(book.totalsByKind());
  expect(Object.values(totals).reduce((sum, total) => sum + total, 0)).toBe(0);
  expect(await booksInDb(db)).toEqual({ total: 0, unbalanced: 0 });
}

describe.each([
  ['PGlite', pgliteLedger],
  ['PostgreSQL', postgresLedger],
] as const)('the points ledger on %s', (_kind, open) => {
  const ready = open();

  it('after 300 seeded random operations, every account is the sum of its movements and the books sum to 0', async () => {
    const { db } = await ready;
    const random = mulberry32(19_2026);
    const members: string[] = [];
    for (let i = 0; i < 6; i += 1) members.push((await createMember(db, { displayName: `P${i}` })).id);
    const book = new Book();
    const at = new Date('2026-12-06T00:00:00Z');
    let replays = 0;
    for (let step = 0; step < 300; step += 1) {
      const operation = randomOperation(random, book, members, step);
      const result = await db.transaction(async (tx) => {
        for (const memberId of operation.lock)
          await tx.execute(sql`SELECT id FROM members WHERE id = ${memberId} FOR UPDATE`);
        return postMovement(tx, { ...operation.input, at: new Date(at.getTime() + step * 60_000) });
      });
      expect(result.posted, `${operation.input.key} (${operation.label})`).toBe(!operation.replay);
      if (operation.replay) replays += 1;
      else book.apply(operation);
      if (step % 25 === 24) await expectBooksMatch(db, book);
    }
    expect(replays).toBeGreaterThan(10);
    expect(book.labels.size).toBeGreaterThanOrEqual(7);
    // A member's history is their side of each movement, newest first, and pages by movement id.
    const [richest] = members
      .map((id) => [id, book.movementsOf(id)] as const)
      .sort((a, b) => b[1].length - a[1].length);
    const [memberId, theirs] = richest ?? ['', []];
    const all = await memberHistory(db, memberId, { limit: 500 });
    expect(all.map((line) => [line.reason.code, line.amount])).toEqual(
      [...theirs].reverse().map((move) => [move.code, move.amount]),
    );
    const firstPage = await memberHistory(db, memberId, { limit: 5 });
    const secondPage = await memberHistory(db, memberId, {
      limit: 5,
      beforeId: firstPage.at(-1)?.id as number,
    });
    expect([...firstPage, ...secondPage]).toEqual(all.slice(0, 10));
  }, 120_000);

  it('refuses a movement that does not balance: the trigger at commit, and postMovement before it', async () => {
    const { db } = await ready;
    const key = `raw:${randomUUID()}`;
    const before = await booksInDb(db);
    await expect(
      db.transaction(async (tx) => {
        const [movement] = await tx
          .insert(pointsMovements)
          .values({ key, kind: 'adjustment', reason: { code: 'adjustment' }, at: new Date() })
          .returning({ id: pointsMovements.id });
        await tx.insert(pointsEntries).values([
          {
            movementId: movement?.id as number,
            accountKind: 'member',
            accountId: 'm',
            amount: 10,
            at: new Date(),
          },
          {
            movementId: movement?.id as number,
            accountKind: 'brand',
            accountId: 'brand',
            amount: -9,
            at: new Date(),
          },
        ]);
      }),
    ).rejects.toThrow();
    await expect(
      db.transaction(async (tx) => {
        const [movement] = await tx
          .insert(pointsMovements)
          .values({ key, kind: 'adjustment', reason: { code: 'adjustment' }, at: new Date() })
          .returning({ id: pointsMovements.id });
        await tx.insert(pointsEntries).values({
          movementId: movement?.id as number,
          accountKind: 'member',
          accountId: 'm',
          amount: 10,
          at: new Date(),
        });
      }),
    ).rejects.toThrow();
    for (const entries of [
      [
        { account: memberAccount('m'), amount: 10 },
        { account: BRAND_ACCOUNT, amount: -9 },
      ],
      [{ account: memberAccount('m'), amount: 10 }],
      [
        { account: memberAccount('m'), amount: 0 },
        { account: BRAND_ACCOUNT, amount: 0 },
      ],
      [
        { account: memberAccount('m'), amount: 1.5 },
        { account: BRAND_ACCOUNT, amount: -1.5 },
      ],
    ])
      await expect(
        db.transaction((tx) =>
          postMovement(tx, {
            key,
            kind: 'adjustment',
            reason: { code: 'adjustment' },
            at: new Date(),
            entries,
          }),
        ),
      ).rejects.toThrow(`Points: movement ${key} does not balance`);
    expect(await db.select().from(pointsMovements).where(eq(pointsMovements.key, key))).toEqual([]);
    expect(await booksInDb(db)).toEqual(before);
  });

  it('posts the same key once when 20 post it at the same time', async () => {
    const { db } = await ready;
    const member = await createMember(db, { displayName: 'Racer' });
    expect(await db.transaction((tx) => lockMember(tx, member.id))).toBe(true);
    expect(await db.transaction((tx) => lockMember(tx, randomUUID()))).toBe(false);
    const key = `partner:${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction((tx) =>
          postMovement(tx, {
            key,
            kind: 'partner',
            reason: { code: 'partner', params: { partner: 'skyway-air', description: 'SKY 101' } },
            at: new Date(),
            partnerId: 'skyway-air',
            entries: [
              { account: memberAccount(member.id), amount: 500 },
              { account: { kind: 'partner', id: 'skyway-air' }, amount: -500 },
            ],
          }),
        ),
      ),
    );
    expect(results.filter((result) => result.posted)).toHaveLength(1);
    expect(new Set(results.map((result) => result.movementId)).size).toBe(1);
    expect(await balanceOf(db, memberAccount(member.id))).toBe(500);
    expect(await memberHistory(db, member.id)).toMatchObject([
      {
        kind: 'partner',
        amount: 500,
        partnerId: 'skyway-air',
        reason: { params: { description: 'SKY 101' } },
      },
    ]);
  });
});
