import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSession } from '../../server/auth/sessions.ts';
import { systemClock } from '../../server/context.ts';
import { createMember } from '../../server/db/members.ts';
import { type Db, openLedger } from '../../server/db/open.ts';
import { perks } from '../../server/db/perks-schema.ts';
import { memberCredentials } from '../../server/db/schema.ts';
import { emailPrincipal, grantStaffRole } from '../../server/live-events/staff.ts';
import type { RunningLayover } from '../../server/main.ts';
import { fulfilRedemption } from '../../server/perks/fulfil.ts';
import { poolView, uploadPool } from '../../server/perks/pools.ts';
import type { PerkSpec } from '../../shared/content/perks.ts';
import { PerksView, PoolsView } from '../../shared/protocol/perks.ts';
import { routes } from '../../shared/protocol/routes.ts';
import type { StaffRoleName } from '../../shared/protocol/staff-roles.ts';
import { walletSession } from '../support/event-bots.ts';
import { freshDatabase } from '../support/fresh-database.ts';
import { startTestLayover } from '../support/layover.ts';

// Code pools on a real Layover (PGlite): uploads deduplicated, each code given once under concurrent redemptions,
// an empty pool a clear state whose waiting perks get codes from the next upload; the console routes' roles.
// Today's content has no pooled prize, so the pool comes from a content override.
let layover: RunningLayover;
let db: Db;
const POOL = `harbor-${randomUUID().slice(0, 8)}`;
const SPECS: PerkSpec[] = [{ prizeId: 'upgrade-voucher', kind: 'codePool', poolId: POOL, validDays: 60 }];

beforeAll(async () => {
  layover = await startTestLayover();
  db = layover.ctx.ledger.db;
}, 180_000);

afterAll(async () => {
  await layover?.stop();
}, 60_000);

const upload = (text: string) => uploadPool(db, { poolId: POOL, text, now: new Date(), specs: SPECS });
const redeem = (memberId: string) =>
  fulfilRedemption(
    layover.ctx,
    { memberId, prizeId: 'upgrade-voucher', amount: 1, key: randomUUID() },
    { specs: SPECS },
  );

/** A member signed in by email; console staff when given a role. */
async function staff(name: string, role?: StaffRoleName): Promise<string> {
  const record = await createMember(db, { displayName: name });
  const email = `${record.id.slice(0, 8)}@brand.example`;
  await db
    .insert(memberCredentials)
    .values({ id: randomUUID(), memberId: record.id, kind: 'email', subject: email, label: 'masked' });
  if (role) await grantStaffRole(db, emailPrincipal(email), role);
  return (await issueSession(db, record.id, 'email', 3_600_000)).token;
}

async function api(method: string, path: string, token: string | undefined, body?: unknown) {
  const response = await fetch(`${layover.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: await response.json() };
}

describe('perk code pools', () => {
  it('deduplicates an upload (CSV or lines) and skips codes already in the pool', async () => {
    const first = await upload('code,discount\nHARBOR-001,20%\n"HARBOR-002",20%\nHARBOR-001,20%\n<bad>\n\n');
    expect(first).toMatchObject({ added: 2, duplicates: 1, invalid: 1 });
    expect(first.pool).toMatchObject({ available: 2, issued: 0, waiting: 0, exhausted: false });
    const second = await upload('HARBOR-002\r\nHARBOR-003\r\n');
    expect(second).toMatchObject({ added: 1, duplicates: 1, invalid: 0 });
    expect(second.pool.available).toBe(3);
  });

  it('gives each code once under concurrent redemptions; an empty pool leaves perks waiting for the next upload', async () => {
    const members = await Promise.all([1, 2, 3, 4, 5].map((n) => walletSession(db, `Pool Member ${n}`)));
    const outcomes = await Promise.all(members.map((member) => redeem(member.memberId)));
    const codes = outcomes.map((outcome) => (outcome.ok ? outcome.perks[0]?.partnerCode : 'refused'));
    const given = codes.filter((code): code is string => typeof code === 'string');
    expect(given.sort()).toEqual(['HARBOR-001', 'HARBOR-002', 'HARBOR-003']);
    expect(codes.filter((code) => code === null)).toHaveLength(2);
    expect(await poolView(db, POOL, [])).toMatchObject({
      available: 0,
      issued: 3,
      waiting: 2,
      exhausted: true,
    });

    const refill = await upload('HARBOR-004\n');
    expect(refill.pool).toMatchObject({ available: 0, issued: 4, waiting: 1, exhausted: true });
    const waiting = members.filter((_, index) => codes[index] === null);
    const refilled = await Promise.all(
      waiting.map(
        async (member) => (await db.select().from(perks).where(eq(perks.memberId, member.memberId)))[0],
      ),
    );
    expect(refilled.map((perk) => perk?.partnerCode).filter(Boolean)).toEqual(['HARBOR-004']);
    const member = waiting[refilled.findIndex((perk) => perk?.partnerCode === 'HARBOR-004')];
    const seen = PerksView.parse((await api('GET', routes.perks.path, member?.token)).body);
    expect(seen.perks[0]).toMatchObject({ kind: 'codePool', partnerCode: 'HARBOR-004', state: 'ready' });
  });

  it('lets only an owner read pools and upload, to a pool content names', async () => {
    const admin = await staff('Pool Admin', 'owner');
    const host = await staff('Pool Host', 'host');
    const plain = await staff('Not Staff');
    const wallet = await walletSession(db, 'Pool Wallet Member');
    expect((await api('GET', routes.consolePerkPools.path, undefined)).status).toBe(401);
    expect((await api('GET', routes.consolePerkPools.path, plain)).status).toBe(403);
    expect((await api('GET', routes.consolePerkPools.path, wallet.token)).status).toBe(403);
    // Perk pools are member support, an owner's: an event host is refused reading them too.
    expect(await api('GET', routes.consolePerkPools.path, host)).toMatchObject({
      status: 403,
      body: { error: 'roleRequired' },
    });
    const read = await api('GET', routes.consolePerkPools.path, admin);
    expect(read.status).toBe(200);
    expect(PoolsView.parse(read.body).pools.map((pool) => pool.poolId)).not.toContain(POOL);

    const body = { poolId: POOL, text: 'HARBOR-999' };
    expect(await api('POST', routes.consolePerkPoolUpload.path, host, body)).toMatchObject({
      status: 403,
      body: { error: 'roleRequired' },
    });
    expect(await api('POST', routes.consolePerkPoolUpload.path, admin, body)).toMatchObject({
      status: 404,
      body: { error: 'unknownPool' },
    });
    expect(
      await api('POST', routes.consolePerkPoolUpload.path, admin, { poolId: 'Bad Pool!', text: 'x' }),
    ).toMatchObject({ status: 400, body: { error: 'invalidPool' } });
    expect(
      await api('POST', routes.consolePerkPoolUpload.path, admin, { poolId: POOL, text: 'A'.repeat(15_001) }),
    ).toMatchObject({ status: 400, body: { error: 'invalidPool' } });
  });
});

const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe('perk code pools on PostgreSQL', () => {
  it('gives each of 10 codes once to 20 redemptions racing on separate connections', async () => {
    const fresh = await freshDatabase(POSTGRES_URL, 'perk_pools');
    const ledger = await openLedger({ databaseUrl: fresh.url, dataDir: '' });
    try {
      const codes = Array.from({ length: 10 }, (_, n) => `RACE-${n}`);
      await uploadPool(ledger.db, { poolId: POOL, text: codes.join('\n'), now: new Date(), specs: SPECS });
      const members = await Promise.all(
        Array.from({ length: 20 }, (_, n) => createMember(ledger.db, { displayName: `Racer ${n}` })),
      );
      const outcomes = await Promise.all(
        members.map((member) =>
          fulfilRedemption(
            { ledger, clock: systemClock },
            { memberId: member.id, prizeId: 'upgrade-voucher', amount: 1, key: randomUUID() },
            { specs: SPECS },
          ),
        ),
      );
      const given = outcomes.map((outcome) => (outcome.ok ? outcome.perks[0]?.partnerCode : 'refused'));
      expect(given.filter((code) => typeof code === 'string').sort()).toEqual([...codes].sort());
      expect(given.filter((code) => code === null)).toHaveLength(10);
      expect(await poolView(ledger.db, POOL, [])).toMatchObject({ available: 0, issued: 10, waiting: 10 });
    } finally {
      await ledger.close();
      await fresh.drop();
    }
  }, 60_000);
});
