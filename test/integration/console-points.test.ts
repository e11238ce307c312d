import { randomUUID } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSession } from '../../server/auth/sessions.ts';
import { createMember } from '../../server/db/members.ts';
import type { Db } from '../../server/db/open.ts';
import { partnerActivities, partners, pointsMovements } from '../../server/db/points-schema.ts';
import { memberCredentials } from '../../server/db/schema.ts';
import { emailPrincipal, grantStaffRole } from '../../server/live-events/staff.ts';
import type { RunningLayover } from '../../server/main.ts';
import {
  BRAND_ACCOUNT,
  balanceOf,
  CATALOGUE_ACCOUNT,
  EXPIRY_ACCOUNT,
  memberAccount,
  type PointsAccount,
  type PointsMovementKind,
  postMovement,
} from '../../server/points/ledger.ts';
import type { ConsolePointsSummary } from '../../shared/protocol/console-points.ts';
import { routePath, routes } from '../../shared/protocol/routes.ts';
import type { StaffRoleName } from '../../shared/protocol/staff-roles.ts';
import { startTestLayover } from '../support/layover.ts';

// The console's points page API on a real server: what any staff member reads (liability, earn/burn by day, source
// and partner, partners, activity logs) and what only an admin may do (register a partner, rotate its key, adjust a
// member), each refusal with its code, and the summary agreeing with movements posted to the ledger.

let layover: RunningLayover;
let db: Db;
let admin: { id: string; token: string };
let analyst: { id: string; token: string };

async function api(
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
): Promise<{ status: number; body: any; text: string }> {
  const response = await fetch(`${layover.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, text };
}

/** A member signed in by email; staff when given a role. */
async function member(name: string, role?: StaffRoleName): Promise<{ id: string; token: string }> {
  const record = await createMember(db, { displayName: name });
  const email = `${record.id.slice(0, 8)}@brand.example`;
  await db
    .insert(memberCredentials)
    .values({ id: randomUUID(), memberId: record.id, kind: 'email', subject: email, label: 'masked' });
  if (role) await grantStaffRole(db, emailPrincipal(email), role);
  const { token } = await issueSession(db, record.id, role ? 'email' : 'guest', 3_600_000);
  return { id: record.id, token };
}

const DAY = 86_400_000;
/** Ids of this run: a PostgreSQL database keeps partners from an earlier run. */
const run = randomUUID().slice(0, 8);
const SUMMARY_AIR = `summary-air-${run}`;
const ORBIT = `orbit-rail-${run}`;
const LOG_COFFEE = `log-coffee-${run}`;
const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/** Posts one movement between a member and another account, `amount` being the member's side. */
async function move(
  kind: PointsMovementKind,
  memberId: string,
  amount: number,
  other: PointsAccount,
  at: Date,
  partnerId?: string,
) {
  await db.transaction((tx) =>
    postMovement(tx, {
      key: `test:${randomUUID()}`,
      kind,
      reason: { code: kind },
      at,
      entries: [
        { account: memberAccount(memberId), amount },
        { account: other, amount: -amount },
      ],
      partnerId,
    }),
  );
}

const summary = async (days = 30): Promise<ConsolePointsSummary> => {
  const answer = await api('GET', `${routes.consolePointsSummary.path}?days=${days}`, analyst.token);
  expect(answer.status).toBe(200);
  return answer.body;
};
const figure = (rows: { day: string; earned: number; burned: number }[], day: string) =>
  rows.find((row) => row.day === day) ?? { earned: 0, burned: 0 };
const sourceOf = (s: ConsolePointsSummary, day: string, kind: string) =>
  figure(
    s.bySource.filter((row) => row.kind === kind),
    day,
  );
const partnerOf = (s: ConsolePointsSummary, day: string, partnerId: string) =>
  figure(
    s.byPartner.filter((row) => row.partnerId === partnerId),
    day,
  );
const adjust = (token: string, body: Record<string, unknown>) =>
  api('POST', routes.consoleAdjustPoints.path, token, body);

beforeAll(async () => {
  // DATABASE_URL runs the same checks on PostgreSQL (a database of its own, never `test`).
  const databaseUrl = process.env.DATABASE_URL;
  layover = await startTestLayover(databaseUrl ? { databaseUrl } : {});
  db = layover.ctx.ledger.db;
  admin = await member('Ada Ops', 'owner');
  analyst = await member('Hal Floor', 'analyst');
}, 120_000);

afterAll(async () => {
  await layover?.stop();
});

describe('console points: who may', () => {
  it('answers 401 without a session and refuses a guest', async () => {
    const guest = await member('Gus Guest');
    for (const [method, path] of [
      ['GET', routes.consolePointsSummary.path],
      ['GET', routes.consolePartners.path],
      ['POST', routes.consoleAdjustPoints.path],
      ['POST', routes.consoleCreatePartner.path],
    ] as const) {
      const anonymous = await api(method, path, undefined, method === 'POST' ? {} : undefined);
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      expect(anonymous.body.error).toBe('unauthorized');
      const refused = await api(method, path, guest.token, method === 'POST' ? {} : undefined);
      expect(refused.status, `${method} ${path} as a guest`).toBe(403);
      expect(refused.body.error).toBe('forbidden');
    }
  });

  it('lets an analyst read but not adjust, register or rotate (403 roleRequired)', async () => {
    const target = await member('Tia Target');
    expect((await api('GET', routes.consolePointsSummary.path, analyst.token)).status).toBe(200);
    expect((await api('GET', routes.consolePartners.path, analyst.token)).status).toBe(200);
    const refusals = [
      await adjust(analyst.token, {
        memberId: target.id,
        amount: 10,
        note: 'goodwill',
        adjustmentId: randomUUID(),
      }),
      await api('POST', routes.consoleCreatePartner.path, analyst.token, {
        id: 'host-made',
        name: 'Host Made',
        negativeLimit: 0,
      }),
      await api('POST', routePath(routes.consoleRotatePartner.path, { id: 'skyway-air' }), analyst.token),
    ];
    for (const refused of refusals) {
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('roleRequired');
    }
    expect(await balanceOf(db, memberAccount(target.id))).toBe(0);
    expect(await db.select().from(partners).where(eq(partners.id, 'host-made'))).toEqual([]);
  });
});

describe('console points: summary', () => {
  it('matches the movements posted to the ledger, by day, source and partner', async () => {
    const now = layover.ctx.clock.now();
    const today = isoDay(now);
    const twoDaysAgo = isoDay(now - 2 * DAY);
    const created = await api('POST', routes.consoleCreatePartner.path, admin.token, {
      id: SUMMARY_AIR,
      name: 'Summary Air',
      negativeLimit: 100,
    });
    expect(created.status).toBe(201);
    const before = await summary();
    const ann = await member('Ann Earner');
    const ben = await member('Ben Spender');
    const partner: PointsAccount = { kind: 'partner', id: SUMMARY_AIR };
    await move('quest', ann.id, 100, BRAND_ACCOUNT, new Date(now));
    await move('partner', ann.id, 500, partner, new Date(now), SUMMARY_AIR);
    await move('purchase', ann.id, -300, CATALOGUE_ACCOUNT, new Date(now));
    await move('expiry', ann.id, -40, EXPIRY_ACCOUNT, new Date(now));
    await move('earn', ben.id, 70, BRAND_ACCOUNT, new Date(now - 2 * DAY));
    await move('partnerReversal', ben.id, -120, partner, new Date(now - 2 * DAY), SUMMARY_AIR);
    // Outside a 30-day window: counts in the liability, not in the days.
    await move('quest', ben.id, 9, BRAND_ACCOUNT, new Date(now - 45 * DAY));

    const after = await summary();
    expect(after.to).toBe(today);
    expect(after.from).toBe(isoDay(now - 29 * DAY));
    expect(after.daily).toHaveLength(30);
    expect(after.liability.outstanding - before.liability.outstanding).toBe(
      100 + 500 - 300 - 40 + 70 - 120 + 9,
    );
    expect(after.liability.members - before.liability.members).toBe(1);
    expect(after.liability.negativeMembers - before.liability.negativeMembers).toBe(1);
    expect(after.liability.negativeTotal - before.liability.negativeTotal).toBe(-41);

    const delta = (pick: (s: ConsolePointsSummary) => { earned: number; burned: number }) => {
      const [a, b] = [pick(after), pick(before)];
      return { earned: a.earned - b.earned, burned: a.burned - b.burned };
    };
    expect(delta((s) => figure(s.daily, today))).toEqual({ earned: 600, burned: 340 });
    expect(delta((s) => figure(s.daily, twoDaysAgo))).toEqual({ earned: 70, burned: 120 });
    expect(delta((s) => sourceOf(s, today, 'quest'))).toEqual({ earned: 100, burned: 0 });
    expect(delta((s) => sourceOf(s, today, 'partner'))).toEqual({ earned: 500, burned: 0 });
    expect(delta((s) => sourceOf(s, today, 'purchase'))).toEqual({ earned: 0, burned: 300 });
    expect(delta((s) => sourceOf(s, today, 'expiry'))).toEqual({ earned: 0, burned: 40 });
    expect(delta((s) => sourceOf(s, twoDaysAgo, 'earn'))).toEqual({ earned: 70, burned: 0 });
    expect(delta((s) => sourceOf(s, twoDaysAgo, 'partnerReversal'))).toEqual({ earned: 0, burned: 120 });
    expect(partnerOf(after, today, SUMMARY_AIR)).toEqual({
      day: today,
      earned: 500,
      burned: 0,
      partnerId: SUMMARY_AIR,
      partnerName: 'Summary Air',
    });
    expect(delta((s) => partnerOf(s, twoDaysAgo, SUMMARY_AIR))).toEqual({ earned: 0, burned: 120 });
    // 60 days reach the old quest; the window sums to its daily rows.
    const longer = await summary(60);
    expect(longer.daily).toHaveLength(60);
    expect(figure(longer.daily, isoDay(now - 45 * DAY)).earned).toBeGreaterThanOrEqual(9);
    expect((await api('GET', `${routes.consolePointsSummary.path}?days=0`, analyst.token)).status).toBe(400);
    expect((await api('GET', `${routes.consolePointsSummary.path}?days=abc`, analyst.token)).body.error).toBe(
      'invalidQuery',
    );
  });
});

describe('console points: adjustments', () => {
  it('posts once per adjustmentId, keeps the operator and note, and moves the liability', async () => {
    const target = await member('Cy Credit');
    const before = await summary();
    const adjustmentId = randomUUID();
    const body = { memberId: target.id, amount: 250, note: 'Lost flight credit, ticket 88', adjustmentId };
    const first = await adjust(admin.token, body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ posted: true, balance: 250 });
    const answers = await Promise.all([1, 2, 3].map(() => adjust(admin.token, body)));
    for (const again of answers) {
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ posted: false, movementId: first.body.movementId, balance: 250 });
    }
    expect(await balanceOf(db, memberAccount(target.id))).toBe(250);
    const rows = await db
      .select()
      .from(pointsMovements)
      .where(eq(pointsMovements.key, `adjust:${adjustmentId}`));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'adjustment',
      reason: { code: 'adjustment', params: { note: 'Lost flight credit, ticket 88' } },
      createdBy: `member:${admin.id}`,
    });
    const after = await summary();
    expect(after.liability.outstanding - before.liability.outstanding).toBe(250);
    const today = isoDay(layover.ctx.clock.now());
    expect(sourceOf(after, today, 'adjustment').earned - sourceOf(before, today, 'adjustment').earned).toBe(
      250,
    );

    // The same id for another amount is a conflict, not a second adjustment.
    const other = await adjust(admin.token, { ...body, amount: 251 });
    expect(other.status).toBe(409);
    expect(other.body.error).toBe('adjustmentConflict');
  });

  it('refuses a debit below zero, an unknown member and bad bodies, changing nothing', async () => {
    const target = await member('Di Debit');
    expect(
      (
        await adjust(admin.token, {
          memberId: target.id,
          amount: 100,
          note: 'start',
          adjustmentId: randomUUID(),
        })
      ).status,
    ).toBe(201);
    const below = await adjust(admin.token, {
      memberId: target.id,
      amount: -101,
      note: 'too much',
      adjustmentId: randomUUID(),
    });
    expect(below.status).toBe(422);
    expect(below.body.error).toBe('adjustmentBelowZero');
    const exact = await adjust(admin.token, {
      memberId: target.id,
      amount: -100,
      note: 'back to zero',
      adjustmentId: randomUUID(),
    });
    expect(exact.status).toBe(201);
    expect(exact.body.balance).toBe(0);
    const unknown = await adjust(admin.token, {
      memberId: randomUUID(),
      amount: 5,
      note: 'nobody',
      adjustmentId: randomUUID(),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('memberNotFound');
    const good = { memberId: target.id, amount: 5, note: 'fine note', adjustmentId: randomUUID() };
    for (const bad of [
      { ...good, amount: 0 },
      { ...good, amount: 100_001 },
      { ...good, amount: -100_001 },
      { ...good, amount: 1.5 },
      { ...good, note: ' x\u200b ' },
      { ...good, note: 'n'.repeat(201) },
      { ...good, adjustmentId: 'not-a-uuid' },
      { ...good, extra: true },
    ]) {
      const refused = await adjust(admin.token, bad);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.body.error).toBe('invalidAdjustment');
    }
    expect(await balanceOf(db, memberAccount(target.id))).toBe(0);
  });
});

describe('console points: partners', () => {
  it('shows a new partner its secret once and never in the list; rotating answers a new one once', async () => {
    const created = await api('POST', routes.consoleCreatePartner.path, admin.token, {
      id: ORBIT,
      name: ' Orbit\u200b Rail ',
      negativeLimit: 500,
      webhookUrl: 'https://orbit.example/layover',
    });
    expect(created.status).toBe(201);
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.body.partner).toMatchObject({ id: ORBIT, name: 'Orbit Rail', negativeLimit: 500 });
    const [stored] = await db.select().from(partners).where(eq(partners.id, ORBIT));
    expect(stored?.secret).toBe(secret);

    const list = await api('GET', routes.consolePartners.path, admin.token);
    expect(list.status).toBe(200);
    expect(list.body.partners.map((p: { id: string }) => p.id)).toContain(ORBIT);
    expect(list.text).not.toContain(secret);
    expect(list.text).not.toContain('secret');

    const again = await api('POST', routes.consoleCreatePartner.path, admin.token, {
      id: ORBIT,
      name: 'Other',
      negativeLimit: 0,
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('partnerExists');
    for (const bad of [
      { id: 'Orbit Rail', name: 'x', negativeLimit: 0 },
      { id: 'ok-id', name: '', negativeLimit: 0 },
      { id: 'ok-id', name: 'Ok', negativeLimit: -1 },
      { id: 'ok-id', name: 'Ok', negativeLimit: 0, webhookUrl: 'javascript:alert(1)' },
    ]) {
      const refused = await api('POST', routes.consoleCreatePartner.path, admin.token, bad);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.body.error).toBe('invalidPartner');
    }

    const rotated = await api(
      'POST',
      routePath(routes.consoleRotatePartner.path, { id: ORBIT }),
      admin.token,
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rotated.body.secret).not.toBe(secret);
    const listed = await api('GET', routes.consolePartners.path, analyst.token);
    expect(listed.text).not.toContain(rotated.body.secret);
    const missing = await api(
      'POST',
      routePath(routes.consoleRotatePartner.path, { id: 'no-such' }),
      admin.token,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('partnerNotFound');
  });

  it("lists a partner's activities by display name, never the email the partner sent", async () => {
    const created = await api('POST', routes.consoleCreatePartner.path, admin.token, {
      id: LOG_COFFEE,
      name: 'Log Coffee',
      negativeLimit: 0,
    });
    expect(created.status).toBe(201);
    const matched = await member('Mo Matched');
    const at = new Date(layover.ctx.clock.now());
    const activity = (
      id: string,
      status: 'credited' | 'unmatched',
      memberId: string | null,
      ref: string,
    ) => ({
      id,
      partnerId: LOG_COFFEE,
      idempotencyKey: id,
      bodyHash: 'h',
      type: 'coffee',
      memberRef: { email: ref },
      memberId,
      points: 40,
      status,
      description: 'Flat white',
      payload: { email: ref },
      occurredAt: at,
      receivedAt: at,
    });
    await db
      .insert(partnerActivities)
      .values([
        activity(`act-${run}-matched`, 'credited', matched.id, 'mo.private@example.com'),
        activity(`act-${run}-waiting`, 'unmatched', null, 'someone.else@example.com'),
      ]);
    const log = await api(
      'GET',
      routePath(routes.consolePartnerActivities.path, { id: LOG_COFFEE }),
      analyst.token,
    );
    expect(log.status).toBe(200);
    expect(log.text).not.toContain('@example.com');
    const byId = Object.fromEntries(log.body.activities.map((row: { id: string }) => [row.id, row]));
    expect(byId[`act-${run}-matched`]).toMatchObject({
      status: 'credited',
      points: 40,
      member: { name: 'Mo Matched' },
    });
    expect(byId[`act-${run}-waiting`]).toMatchObject({ status: 'unmatched', member: null });
    const waiting = await api(
      'GET',
      `${routePath(routes.consolePartnerActivities.path, { id: LOG_COFFEE })}?status=unmatched`,
      analyst.token,
    );
    expect(waiting.body.activities.map((row: { id: string }) => row.id)).toEqual([`act-${run}-waiting`]);
    const badStatus = await api(
      'GET',
      `${routePath(routes.consolePartnerActivities.path, { id: LOG_COFFEE })}?status=lost`,
      analyst.token,
    );
    expect(badStatus.status).toBe(400);
    const unknown = await api(
      'GET',
      routePath(routes.consolePartnerActivities.path, { id: 'no-such' }),
      analyst.token,
    );
    expect(unknown.status).toBe(404);
    expect(
      await db
        .select()
        .from(partnerActivities)
        .where(like(partnerActivities.id, `act-${run}-%`)),
    ).toHaveLength(2);
  });
});
