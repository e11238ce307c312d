import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ledger, openLedger } from '../../../server/db/open.ts';

describe('PGlite ledger in a worker thread', () => {
  let dir: string;
  let ledger: Ledger;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'layover-ledger-worker-'));
    ledger = await openLedger({ dataDir: dir });
    await ledger.db.execute(sql`CREATE TABLE t (k text PRIMARY KEY, at timestamptz DEFAULT now())`);
  }, 60_000);

  afterAll(async () => {
    await ledger?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('migrates, answers queries and keeps timestamps as strings', async () => {
    expect(ledger.kind).toBe('pglite');
    await ledger.db.execute(sql`INSERT INTO t (k) VALUES ('a')`);
    const { rows } = (await ledger.db.execute(sql`SELECT k, at FROM t`)) as unknown as {
      rows: { k: string; at: unknown }[];
    };
    expect(rows[0]?.k).toBe('a');
    expect(typeof rows[0]?.at).toBe('string');
  });

  it("says which caller asked when the worker's statement fails", async () => {
    async function insertTheSameKeyTwice() {
      return ledger.db.execute(sql`INSERT INTO t (k) VALUES ('a'), ('a')`).catch((error: unknown) => error);
    }
    const failed = (await insertTheSameKeyTwice()) as Error;
    // The cause (or the error itself) carries the worker's stack and, below it, this test's.
    const stacks = [failed.stack, (failed.cause as Error | undefined)?.stack].join('\n');
    expect(stacks).toContain('asked from');
    expect(stacks).toContain('pglite-worker.test.ts');
  });

  it('keeps the PostgreSQL error code across the thread', async () => {
    const failed = await ledger.db
      .execute(sql`INSERT INTO t (k) VALUES ('a')`)
      .catch((error: unknown) => error);
    const cause = (failed as { cause?: { code?: string } }).cause;
    expect(cause?.code ?? (failed as { code?: string }).code).toBe('23505');
  });

  it('commits a transaction that returns and rolls back one that throws', async () => {
    await ledger.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO t (k) VALUES ('b')`);
    });
    await expect(
      ledger.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO t (k) VALUES ('c')`);
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    const { rows } = (await ledger.db.execute(sql`SELECT k FROM t ORDER BY k`)) as unknown as {
      rows: { k: string }[];
    };
    expect(rows.map((row) => row.k)).toEqual(['a', 'b']);
  });
});
