import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSession, revokeSession } from '../../server/auth/sessions.ts';
import { createMember } from '../../server/db/members.ts';
import type { Db } from '../../server/db/open.ts';
import { perks } from '../../server/db/perks-schema.ts';
import { accountAudit, memberCredentials } from '../../server/db/schema.ts';
import { auditLog } from '../../server/db/team-schema.ts';
import { emailPrincipal, grantStaffRole, revokeStaffRole } from '../../server/live-events/staff.ts';
import type { RunningLayover } from '../../server/main.ts';
import { fulfilRedemption } from '../../server/perks/fulfil.ts';
import {
  CHECKIN_LOOKUPS_PER_MINUTE,
  CheckinLookupResponse,
  CheckinUseResponse,
} from '../../shared/protocol/checkin.ts';
import { PERK_CODE_ALPHABET, perkQrPayload } from '../../shared/protocol/perks.ts';
import { routes } from '../../shared/protocol/routes.ts';
import type { StaffRoleName } from '../../shared/protocol/staff-roles.ts';
import { freshDatabase } from '../support/fresh-database.ts';
import { startTestLayover } from '../support/layover.ts';

// The desk's check-in API on a real server (anvil, PGlite; a fresh PostgreSQL database when DATABASE_URL is set):
// perks issued through fulfilRedemption, looked up and marked used by staff sessions, refusals for everyone else.

let layover: RunningLayover;
let db: Db;
let dropDatabase: (() => Promise<void>) | undefined;
let host: Staff;
let admin: Staff;
const OWNER_EMAIL = `mina-${randomUUID().slice(0, 8)}@traveller.example`;
const OWNER_WALLET = `0x${'ab'.repeat(20)}`;
let ownerId: string;

interface Staff {
  id: string;
  token: string;
  email: string;
}

async function api(
  path: string,
  token: string | undefined,
  body: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
): Promise<{ status: number; body: any; text: string }> {
  const response = await fetch(`${layover.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, text };
}
const lookup = (token: string | undefined, code: string, locale = 'en') =>
  api(routes.consoleCheckinLookup.path, token, { code, locale });
const use = (token: string | undefined, code: string, locale = 'en') =>
  api(routes.consoleCheckinUse.path, token, { code, locale });

/** A member signed in by email (a `guest` session when `guestSession`); staff when given a role. */
async function member(name: string, role?: StaffRoleName, guestSession = false): Promise<Staff> {
  const record = await createMember(db, { displayName: name });
  const email = `${record.id.slice(0, 8)}@brand.example`;
  await db
    .insert(memberCredentials)
    .values({ id: randomUUID(), memberId: record.id, kind: 'email', subject: email, label: 'masked' });
  if (role) await grantStaffRole(db, emailPrincipal(email), role);
  const { token } = await issueSession(db, record.id, guestSession ? 'guest' : 'email', 3_600_000);
  return { id: record.id, token, email };
}

/** A fresh upgrade-voucher perk of the owner, issued as a redemption would; its code as stored. */
async function newPerk(): Promise<{ id: string; code: string }> {
  const issued = await fulfilRedemption(layover.ctx, {
    memberId: ownerId,
    prizeId: 'upgrade-voucher',
    amount: 1,
    key: `checkin-test:${randomUUID()}`,
  });
  if (!issued.ok) throw new Error(`fulfilRedemption refused: ${issued.refusal}`);
  const perk = issued.perks[0]!;
  return { id: perk.id, code: perk.code.replaceAll('-', '') };
}

/** A well-formed code no perk has (80 random bits: a guess). */
const guess = () =>
  Array.from({ length: 16 }, () => PERK_CODE_ALPHABET[Math.floor(Math.random() * 32)]).join('');

beforeAll(async () => {
  const fresh = process.env.DATABASE_URL
    ? await freshDatabase(process.env.DATABASE_URL, 'checkin')
    : undefined;
  dropDatabase = fresh?.drop;
  layover = await startTestLayover(fresh ? { databaseUrl: fresh.url } : {});
  db = layover.ctx.ledger.db;
  host = await member('Hal Desk', 'host');
  admin = await member('Ada Desk', 'owner');
  const owner = await createMember(db, { displayName: 'Mina Tran', address: OWNER_WALLET });
  await db
    .insert(memberCredentials)
    .values({ id: randomUUID(), memberId: owner.id, kind: 'email', subject: OWNER_EMAIL, label: 'm***' });
  ownerId = owner.id;
}, 180_000);

afterAll(async () => {
  await layover?.stop();
  await dropDatabase?.();
}, 60_000);

describe('check-in: the desk', () => {
  it('looks a typed code up: the prize in the staff language and the owner by display name only', async () => {
    const perk = await newPerk();
    const typed = `${perk.code.slice(0, 4).toLowerCase()} ${perk.code.slice(4, 8)}-${perk.code.slice(8)}`;
    const answer = await lookup(host.token, typed, 'zh-Hant');
    expect(answer.status).toBe(200);
    const { perk: seen } = CheckinLookupResponse.parse(answer.body);
    expect(seen).toMatchObject({
      id: perk.id,
      prizeName: '座位升等券',
      kind: 'generatedCode',
      state: 'ready',
    });
    expect(seen.ownerName).toBe('Mina Tran');
    expect(seen.usedAt).toBeNull();
    for (const secret of [OWNER_EMAIL, OWNER_WALLET, ownerId]) expect(answer.text).not.toContain(secret);
    const scanned = await lookup(host.token, perkQrPayload('layover', perk.code));
    expect(scanned.body.perk.id).toBe(perk.id);
  });

  it('marks a code used exactly once under 50 concurrent scans; every other scan says when and by whom', async () => {
    const perk = await newPerk();
    const desks = [host, admin];
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => use(desks[i % 2]!.token, perk.code)),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(200));
    const results = answers.map((answer) => CheckinUseResponse.parse(answer.body));
    const marked = results.filter((result) => result.result === 'marked');
    expect(marked).toHaveLength(1);
    expect(results.filter((result) => result.result === 'alreadyUsed')).toHaveLength(49);
    const winner = marked[0]!.perk;
    expect(winner.usedByName === 'Hal Desk' || winner.usedByName === 'Ada Desk').toBe(true);
    for (const result of results) {
      expect(result.perk.state).toBe('used');
      expect(result.perk.usedAt).toBe(winner.usedAt);
      expect(result.perk.usedByName).toBe(winner.usedByName);
    }
    const [row] = await db.select().from(perks).where(eq(perks.id, perk.id));
    expect(row?.state).toBe('used');
    const audited = await db
      .select()
      .from(accountAudit)
      .where(and(eq(accountAudit.action, 'perkUse'), eq(accountAudit.memberId, ownerId)));
    expect(audited.filter((entry) => entry.detail.perkId === perk.id)).toHaveLength(50);
    // The team's audit log keeps the one change: who checked it in, when, and the state before and after.
    const changes = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'checkin.use'), eq(auditLog.target, `perk:${perk.id}`)));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      before: { state: 'ready' },
      after: { state: 'used', usedAt: winner.usedAt, memberId: ownerId },
    });
    expect([`member:${host.id}`, `member:${admin.id}`]).toContain(changes[0]!.actor);
    const again = await lookup(host.token, perk.code);
    expect(again.body.perk).toMatchObject({
      state: 'used',
      usedAt: winner.usedAt,
      usedByName: winner.usedByName,
    });
  });

  it('answers unknownCode, invalidCode, expired and wrongBrand', async () => {
    expect((await lookup(host.token, guess())).body.error).toBe('unknownCode');
    expect((await use(host.token, guess())).status).toBe(404);
    const malformed = await lookup(host.token, 'not a code');
    expect([malformed.status, malformed.body.error]).toEqual([400, 'invalidCode']);

    const old = await newPerk();
    await db
      .update(perks)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(perks.id, old.id));
    expect((await lookup(host.token, old.code)).body.perk.state).toBe('expired');
    const late = await use(host.token, old.code);
    expect([late.status, late.body.result]).toEqual([200, 'expired']);
    expect((await db.select().from(perks).where(eq(perks.id, old.id)))[0]?.state).toBe('ready');

    const foreign = await newPerk();
    await db.update(perks).set({ brand: 'other-airline' }).where(eq(perks.id, foreign.id));
    const refused = await lookup(host.token, foreign.code);
    expect([refused.status, refused.body.error]).toEqual([422, 'wrongBrand']);
    expect(refused.text).not.toContain('Mina');
    expect((await use(host.token, foreign.code)).body.error).toBe('wrongBrand');
    const otherQr = await use(host.token, perkQrPayload('other-airline', (await newPerk()).code));
    expect(otherQr.body.error).toBe('wrongBrand');
  });
});

describe('check-in: who may', () => {
  it('refuses no session, a guest session, a member without a role, a revoked session and a revoked role', async () => {
    const perk = await newPerk();
    expect((await lookup(undefined, perk.code)).status).toBe(401);
    const guest = await member('Gus Guest', 'host', true);
    const plain = await member('Pat Plain');
    for (const who of [guest, plain]) {
      expect((await lookup(who.token, perk.code)).status).toBe(403);
      expect((await use(who.token, perk.code)).body.error).toBe('forbidden');
    }
    const leaving = await member('Lee Leaving', 'host');
    expect((await lookup(leaving.token, perk.code)).status).toBe(200);
    await revokeSession(db, leaving.token);
    expect((await use(leaving.token, perk.code)).status).toBe(401);
    const demoted = await member('Dee Demoted', 'host');
    await revokeStaffRole(layover.ctx, emailPrincipal(demoted.email));
    expect((await use(demoted.token, perk.code)).status).toBe(403);
    const [row] = await db.select().from(perks).where(eq(perks.id, perk.id));
    expect(row?.state).toBe('ready');
  });

  it(`rate-limits guessing: ${CHECKIN_LOOKUPS_PER_MINUTE} tries a minute per staff session`, async () => {
    const guesser = await member('Gia Guesser', 'host');
    const perk = await newPerk();
    const tries = await Promise.all(
      Array.from({ length: CHECKIN_LOOKUPS_PER_MINUTE + 10 }, (_, i) =>
        i % 2 ? lookup(guesser.token, guess()) : use(guesser.token, guess()),
      ),
    );
    const errors = tries.map((answer) => answer.body.error as string);
    expect(errors.filter((error) => error === 'unknownCode')).toHaveLength(CHECKIN_LOOKUPS_PER_MINUTE);
    expect(errors.filter((error) => error === 'rateLimited')).toHaveLength(10);
    const blocked = await lookup(guesser.token, perk.code);
    expect([blocked.status, blocked.body.error]).toEqual([429, 'rateLimited']);
    expect((await use(guesser.token, perk.code)).body.error).toBe('rateLimited');
    expect((await db.select().from(perks).where(eq(perks.id, perk.id)))[0]?.state).toBe('ready');
    // Another desk is not held up by the guesser.
    expect((await lookup(host.token, perk.code)).status).toBe(200);
    const logged = await db
      .select()
      .from(accountAudit)
      .where(
        and(
          eq(accountAudit.actorMemberId, guesser.id),
          inArray(accountAudit.action, ['perkLookup', 'perkUse']),
        ),
      );
    expect(logged).toHaveLength(CHECKIN_LOOKUPS_PER_MINUTE);
  });
});
