import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { issueSession, resolveSession, revokeSession } from '../../server/auth/sessions.ts';
import { createMember } from '../../server/db/members.ts';
import { type Ledger, openLedger } from '../../server/db/open.ts';

// The same schema and code against embedded PGlite and the machine's PostgreSQL (CI starts it).
const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const opened: Ledger[] = [];
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(opened.map((ledger) => ledger.close()));
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe.each([
  [
    'PGlite',
    async () => {
      dirs[0] ??= await mkdtemp(join(tmpdir(), 'layover-ledger-'));
      return openLedger({ dataDir: dirs[0] });
    },
  ],
  ['PostgreSQL', () => openLedger({ databaseUrl: POSTGRES_URL, dataDir: 'unused' })],
] as const)('ledger on %s', (_kind, open) => {
  it('migrates idempotently, persists, and keeps sessions honest', async () => {
    const first = await open();
    const member = await createMember(first.db, { displayName: 'Linh' });
    const { token } = await issueSession(first.db, member.id, 'guest', 60_000);
    await first.close();

    // Reopening runs the migrator again: nothing changes, nothing is lost.
    const ledger = await open();
    opened.push(ledger);
    expect((await resolveSession(ledger.db, token))?.member.id).toBe(member.id);
    expect(await resolveSession(ledger.db, `${token}x`)).toBeUndefined();
    expect(await resolveSession(ledger.db, token, new Date(Date.now() + 120_000))).toBeUndefined();
    await revokeSession(ledger.db, token);
    expect(await resolveSession(ledger.db, token)).toBeUndefined();
  });
});
