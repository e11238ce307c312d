import { randomUUID } from 'node:crypto';
import { Client, type Room } from '@colyseus/sdk';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAnalytics } from '../../server/analytics/refresh.ts';
import { issueSession } from '../../server/auth/sessions.ts';
import type { Clock } from '../../server/context.ts';
import { analyticsDaily, memberDays } from '../../server/db/analytics-schema.ts';
import type { Db } from '../../server/db/open.ts';
import { memberCredentials, members } from '../../server/db/schema.ts';
import { emailPrincipal, grantStaffRole } from '../../server/live-events/staff.ts';
import type { RunningLayover } from '../../server/main.ts';
import { questContent } from '../../shared/content/quests.ts';
import type { ProgramAnalytics } from '../../shared/protocol/analytics.ts';
import type { StaffRoleName } from '../../shared/protocol/staff-roles.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { eventually, postJson, startTestLayover, waitFor } from '../support/layover.ts';
import { seedProgram } from './analytics-seed.ts';

// Program analytics on a real server: a program seeded over three weeks of November 2026 with the server's clock held
// on Wednesday 18 November, every table checked against figures worked out by hand (analytics-seed.ts says which),
// the incremental refresh rule, CSV quoting and formula escaping, bad periods, and who may read it.

let layover: RunningLayover;
let db: Db;
let realClock: Clock;
const tokens: Partial<Record<StaffRoleName | 'none', string>> = {};
const TODAY = '2026-11-18';
const at = (day: string, time = '12:00') => new Date(`${day}T${time}:00Z`);

function holdClock(instant: Date): void {
  const clock: Clock = { now: () => instant.getTime() };
  Object.assign(layover.ctx, { clock });
}

async function get(path: string, token: string | undefined) {
  const response = await fetch(`${layover.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function analytics(from: string, to: string, token = tokens.analyst): Promise<ProgramAnalytics> {
  const answer = await get(`/api/console/analytics/program?from=${from}&to=${to}`, token);
  expect(answer.status, answer.text).toBe(200);
  return JSON.parse(answer.text) as ProgramAnalytics;
}

/** A team member signed in by email holding `role` (none: a member without a team role). */
async function teamMember(role: StaffRoleName | 'none'): Promise<string> {
  const id = randomUUID();
  await db.insert(members).values({ id, displayName: `team ${role}` });
  const email = `${id.slice(0, 8)}@brand.example`;
  await db
    .insert(memberCredentials)
    .values({ id: randomUUID(), memberId: id, kind: 'email', subject: email });
  if (role !== 'none') await grantStaffRole(db, emailPrincipal(email), role);
  return (await issueSession(db, id, 'email', 3_600_000)).token;
}

beforeAll(async () => {
  layover = await startTestLayover();
  db = layover.ctx.ledger.db;
  realClock = layover.ctx.clock;
  for (const role of ['analyst', 'owner', 'host', 'content', 'none'] as const)
    tokens[role] = await teamMember(role);
}, 90_000);

afterAll(async () => {
  await layover?.stop();
});

describe('program analytics', () => {
  it('records a member’s active day when they join the lounge', async () => {
    const guest = (await postJson(`${layover.url}/auth/guest`, { name: 'Daytripper' })).body;
    const room: Room<unknown, LoungeState> = await new Client(layover.url).joinOrCreate('lounge', {
      token: guest.token,
    });
    try {
      await waitFor(() => room.state?.members?.get(room.sessionId), 10_000, 'the guest in state');
      const day = new Date(layover.ctx.clock.now()).toISOString().slice(0, 10);
      const rows = await eventually(async () => {
        const found = await db.select().from(memberDays).where(eq(memberDays.memberId, guest.member.id));
        return found.length > 0 ? found : undefined;
      }, 'the active day');
      expect(rows).toEqual([{ memberId: guest.member.id, day }]);
    } finally {
      await room.leave();
    }
  });

  it('answers every table for a period from the seeded program', async () => {
    await seedProgram(db);
    holdClock(at(TODAY));
    const all = await analytics('2026-11-02', TODAY);
    expect(all.throughDay).toBe(TODAY);
    expect(all.members).toEqual({ total: 6, newInPeriod: 6 });
    const day = (d: string) => all.newMembers.find((row) => row.day === d);
    expect(day('2026-11-02')).toEqual({
      day: '2026-11-02',
      guest: 1,
      email: 1,
      passkey: 0,
      oidc: 0,
      wallet: 0,
    });
    expect(day('2026-11-03')).toMatchObject({ passkey: 1, email: 0 });
    expect(day('2026-11-04')).toMatchObject({ wallet: 1 });
    expect(day('2026-11-10')).toMatchObject({ oidc: 1 });
    expect(day('2026-11-16')).toMatchObject({ guest: 1 });
    expect(all.newMembers).toHaveLength(17);

    const dau = Object.fromEntries(
      all.activity.filter((row) => row.dau > 0).map((row) => [row.day, row.dau]),
    );
    expect(dau).toEqual({
      '2026-11-02': 2,
      '2026-11-03': 2,
      '2026-11-04': 1,
      '2026-11-10': 2,
      '2026-11-11': 1,
      '2026-11-16': 2,
      '2026-11-17': 1,
      '2026-11-18': 2,
    });
    const wau = (d: string) => all.activity.find((row) => row.day === d)?.wau;
    expect([wau('2026-11-08'), wau('2026-11-09'), wau('2026-11-15'), wau(TODAY)]).toEqual([4, 3, 3, 4]);

    expect(all.retention).toEqual([
      {
        cohort: '2026-W45',
        weekStart: '2026-11-02',
        size: 4,
        active: [2, 2, null, null, null, null, null, null],
      },
      {
        cohort: '2026-W46',
        weekStart: '2026-11-09',
        size: 1,
        active: [1, null, null, null, null, null, null, null],
      },
      {
        cohort: '2026-W47',
        weekStart: '2026-11-16',
        size: 1,
        active: [null, null, null, null, null, null, null, null],
      },
    ]);

    const firstVisit = all.questFunnels.quests.find((quest) => quest.questId === 'first-visit');
    expect(all.questFunnels.asOf).toBe(TODAY);
    expect(firstVisit).toEqual({
      questId: 'first-visit',
      steps: [
        { stepId: 'window', members: 2 },
        { stepId: 'wave', members: 2 },
        { stepId: 'board', members: 1 },
      ],
      completed: 1,
    });
    expect(all.stamps).toEqual([
      { stampId: 'first-visit', issued: 2 },
      { stampId: 'frequent-flyer', issued: 1 },
    ]);
    expect(all.prizes).toEqual([
      { prizeId: 'lounge-day-pass', issued: 3, delivered: 1, pending: 1, failed: 1, redeemed: 3 },
      { prizeId: 'gold-pass', issued: 1, delivered: 0, pending: 1, failed: 0, redeemed: 0 },
    ]);
    expect(all.games).toEqual([
      { gameId: 'plane', rounds: 3, players: 2 },
      { gameId: 'trivia', rounds: 1, players: 1 },
    ]);
    expect(all.events).toEqual([
      expect.objectContaining({ eventId: 'analytics-night', visitors: 3, peak: 2 }),
    ]);

    // A shorter period: totals at its end, new members and tables within it only.
    const second = await analytics('2026-11-09', '2026-11-15');
    expect(second.members).toEqual({ total: 5, newInPeriod: 1 });
    expect(second.stamps).toEqual([{ stampId: 'frequent-flyer', issued: 1 }]);
    expect(second.retention.map((row) => row.cohort)).toEqual(['2026-W46']);
    expect(second.prizes).toEqual([
      { prizeId: 'lounge-day-pass', issued: 2, delivered: 0, pending: 1, failed: 1, redeemed: 2 },
    ]);
  });

  it('refreshes incrementally: days before the watermark keep their figures unless a refresh asks for them', async () => {
    const read = () =>
      db.select().from(analyticsDaily).orderBy(asc(analyticsDaily.metric), asc(analyticsDaily.day));
    const before = await read();
    // A refresh with nothing new changes nothing (idempotent).
    await refreshAnalytics(db, at(TODAY, '12:01').getTime(), questContent.quests);
    expect(await read()).toEqual(before);

    // A late guest for 5 November and an email member today arrive after the refresh.
    const late = randomUUID();
    const todays = randomUUID();
    await db.insert(members).values([
      { id: late, displayName: 'Late', createdAt: at('2026-11-05') },
      { id: todays, displayName: 'Today', createdAt: at(TODAY, '13:00') },
    ]);
    await db.insert(memberDays).values({ memberId: late, day: '2026-11-05' });
    await db.insert(memberCredentials).values({
      id: randomUUID(),
      memberId: todays,
      kind: 'email',
      subject: `${todays}@x.example`,
      createdAt: at(TODAY, '13:00'),
    });
    // The console asks for today again a minute later: the watermark day (today) is recomputed, 5 November is not.
    holdClock(at(TODAY, '14:00'));
    const after = await analytics('2026-11-02', TODAY);
    expect(after.newMembers.find((row) => row.day === TODAY)).toMatchObject({ guest: 0, email: 1 });
    expect(after.newMembers.find((row) => row.day === '2026-11-05')).toMatchObject({ guest: 0 });
    expect(after.activity.find((row) => row.day === '2026-11-05')?.dau).toBe(0);
    expect(after.members.total).toBe(8);
    expect((await analytics('2026-11-02', '2026-11-05')).members.total).toBe(4);

    // Refreshing from that day on corrects it.
    const outcome = await refreshAnalytics(db, at(TODAY, '14:01').getTime(), questContent.quests, {
      since: '2026-11-05',
    });
    expect(outcome).toEqual({ fromDay: '2026-11-05', throughDay: TODAY });
    const corrected = await analytics('2026-11-02', '2026-11-05');
    expect(corrected.newMembers.find((row) => row.day === '2026-11-05')).toMatchObject({ guest: 1 });
    expect(corrected.activity.find((row) => row.day === '2026-11-05')?.dau).toBe(1);
    expect(corrected.members.total).toBe(5);

    // The next day starts from the watermark (18 November).
    holdClock(at('2026-11-19', '09:00'));
    expect(await refreshAnalytics(db, at('2026-11-19', '09:00').getTime(), questContent.quests)).toEqual({
      fromDay: TODAY,
      throughDay: '2026-11-19',
    });
  });

  it('refreshes on demand: at most every 15 minutes for a past period, within a minute for one with today', async () => {
    const period = (from: string, to: string) => analytics(from, to);
    holdClock(at('2026-11-19', '09:05'));
    expect((await period('2026-11-02', '2026-11-15')).refreshedAt).toBe(
      at('2026-11-19', '09:05').toISOString(),
    );
    holdClock(at('2026-11-19', '09:10'));
    expect((await period('2026-11-02', '2026-11-15')).refreshedAt).toBe(
      at('2026-11-19', '09:05').toISOString(),
    );
    expect((await period('2026-11-02', '2026-11-19')).refreshedAt).toBe(
      at('2026-11-19', '09:10').toISOString(),
    );
    holdClock(new Date(at('2026-11-19', '09:10').getTime() + 30_000));
    expect((await period('2026-11-13', '2026-11-19')).refreshedAt).toBe(
      at('2026-11-19', '09:10').toISOString(),
    );
    holdClock(at('2026-11-19', '09:26'));
    expect((await period('2026-11-02', '2026-11-15')).refreshedAt).toBe(
      at('2026-11-19', '09:26').toISOString(),
    );
  });

  it('exports each table as CSV: BOM, RFC 4180 quoting, formulas defused, names in the asked language', async () => {
    const csv = await get(
      `/api/console/analytics/program/events.csv?from=2026-11-02&to=${TODAY}`,
      tokens.analyst,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="layover-events-2026-11-02-${TODAY}.csv"`,
    );
    const bytes = new Uint8Array(
      await (
        await fetch(`${layover.url}/api/console/analytics/program/events.csv?from=2026-11-02&to=${TODAY}`, {
          headers: { authorization: `Bearer ${tokens.analyst}` },
        })
      ).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toBe(
      'event_id,title,starts_at,visitors,peak\r\n' +
        `analytics-night,"'=SUM(1,2) ""Night""",2026-11-10T18:00:00.000Z,3,2\r\n`,
    );
    const funnels = await get(
      `/api/console/analytics/program/questFunnels.csv?from=2026-11-02&to=${TODAY}&lang=zh-Hant`,
      tokens.owner,
    );
    expect(funnels.status).toBe(200);
    expect(funnels.text).toContain(`${TODAY},first-visit,初次到訪,1,window,走到窗邊,2\r\n`);
    const members = await get(
      `/api/console/analytics/program/members.csv?from=2026-11-02&to=${TODAY}`,
      tokens.analyst,
    );
    expect(members.text).toBe(`from,to,members_at_end,new_members\r\n2026-11-02,${TODAY},8,8\r\n`);
  });

  it('refuses bad periods and unknown tables', async () => {
    const path = '/api/console/analytics/program';
    for (const query of [
      'from=2026-11-10&to=2026-11-09',
      'from=2025-11-01&to=2026-11-02',
      'from=2026-02-30&to=2026-03-02',
      'from=2026-11-01',
      'from=20261101&to=20261102',
      'from=2026-11-01&to=2026-11-02&extra=1',
      'from=2026-11-01&to=2026-11-02&lang=fr',
    ]) {
      const answer = await get(`${path}?${query}`, tokens.analyst);
      expect(answer.status, query).toBe(400);
      expect(JSON.parse(answer.text).error, query).toBe('invalidPeriod');
    }
    expect((await get(`${path}?from=2025-11-18&to=${TODAY}`, tokens.analyst)).status).toBe(200);
    const unknown = await get(`${path}/secrets.csv?from=2026-11-01&to=2026-11-02`, tokens.analyst);
    expect(unknown.status).toBe(404);
  });

  it('is for analysts and owners only', async () => {
    // The real clock again: a guest's session is issued on the server's clock.
    Object.assign(layover.ctx, { clock: realClock });
    const path = `/api/console/analytics/program?from=2026-11-02&to=${TODAY}`;
    const csv = `/api/console/analytics/program/stamps.csv?from=2026-11-02&to=${TODAY}`;
    expect((await get(path, undefined)).status).toBe(401);
    const guest = await postJson(`${layover.url}/auth/guest`, { name: 'Peeker' });
    expect(guest.status).toBe(200);
    for (const token of [guest.body.token, tokens.none]) {
      const answer = await get(path, token);
      expect(answer.status, answer.text).toBe(403);
    }
    for (const role of ['host', 'content'] as const) {
      for (const url of [path, csv]) {
        const answer = await get(url, tokens[role]);
        expect(answer.status, role).toBe(403);
        expect(JSON.parse(answer.text).error).toBe('roleRequired');
      }
    }
    for (const role of ['analyst', 'owner'] as const) expect((await get(csv, tokens[role])).status).toBe(200);
  });
});
