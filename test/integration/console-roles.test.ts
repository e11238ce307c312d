import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSession } from '../../server/auth/sessions.ts';
import { createMember } from '../../server/db/members.ts';
import type { Db } from '../../server/db/open.ts';
import { auditLog, teamRoles } from '../../server/db/team-schema.ts';
import { grantStaffRole } from '../../server/live-events/staff.ts';
import type { RunningLayover } from '../../server/main.ts';
import { principalId } from '../../server/team/principals.ts';
import { LeaveCode } from '../../shared/protocol/join.ts';
import { CONSOLE_API_PREFIX, type RouteName, routes } from '../../shared/protocol/routes.ts';
import {
  CONSOLE_ROUTE_CAPABILITIES,
  mayDo,
  STAFF_ROLES,
  type StaffRoleName,
} from '../../shared/protocol/staff-roles.ts';
import { eventStartedNow, joinEvent, walletSession } from '../support/event-bots.ts';
import { startTestLayover, waitFor } from '../support/layover.ts';

// Issue 20's role matrix on a real server: every /api/console route in routes.ts, called by a member holding each
// single role, by no role, by a guest and without a session, answers as its capability says; then the team API
// (grant, revoke, last owner, audit rows) and hosting a hall with and without the host role.

let layover: RunningLayover;
let db: Db;
const tokens = {} as Record<StaffRoleName | 'none' | 'guest', string>;
let owner: { memberId: string; address: `0x${string}`; token: string };

async function api(method: string, path: string, token: string | undefined, body?: unknown) {
  const response = await fetch(`${layover.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
  let parsed: any;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed };
}

/** A wallet member holding `roles` (none: a member without a role). */
async function teamMember(name: string, roles: StaffRoleName[]) {
  const who = await walletSession(db, name);
  for (const role of roles) await grantStaffRole(db, who.address, role);
  return { name, ...who };
}

const consoleRoutes = Object.entries(routes).filter(([, spec]) => spec.path.startsWith(CONSOLE_API_PREFIX));
/** A path with every parameter filled by an id nothing has. */
const concrete = (path: string) => path.replace(/:(\w+)/g, (_m, name) => `no-such-${name}`);

beforeAll(async () => {
  layover = await startTestLayover();
  db = layover.ctx.ledger.db;
  for (const role of STAFF_ROLES) tokens[role] = (await teamMember(`Only ${role}`, [role])).token;
  tokens.none = (await teamMember('No Role', [])).token;
  const guest = await createMember(db, { displayName: 'Guest Gil' });
  tokens.guest = (await issueSession(db, guest.id, 'guest', 3_600_000)).token;
  owner = await teamMember('Owner Oona', ['owner']);
}, 120_000);

afterAll(async () => {
  await layover?.stop();
});

describe('role matrix over every console route', () => {
  it('lists a capability for every console route in routes.ts', () => {
    const missing = consoleRoutes
      .map(([name]) => name)
      .filter((name) => !(name in CONSOLE_ROUTE_CAPABILITIES));
    expect(missing).toEqual([]);
  });

  it('answers 401 without a session, 403 to a guest and to no role, and per role as mayDo says', async () => {
    const wrong: string[] = [];
    for (const [name, spec] of consoleRoutes) {
      const capability = CONSOLE_ROUTE_CAPABILITIES[name as RouteName];
      if (!capability) continue;
      const path = concrete(spec.path);
      const body = spec.method === 'GET' || spec.method === 'DELETE' ? undefined : {};
      const call = (token: string | undefined) => api(spec.method, path, token, body);
      const anonymous = await call(undefined);
      if (anonymous.status !== 401) wrong.push(`${name} without a session: ${anonymous.status}`);
      for (const who of ['guest', 'none'] as const) {
        const refused = await call(tokens[who]);
        if (refused.status !== 403 || refused.body?.error !== 'forbidden')
          wrong.push(`${name} as ${who}: ${refused.status} ${refused.body?.error}`);
      }
      for (const role of STAFF_ROLES) {
        const answer = await call(tokens[role]);
        if (mayDo([role], capability)) {
          if (answer.status === 401 || answer.status === 403 || answer.status >= 500)
            wrong.push(`${name} as ${role} (may ${capability}): ${answer.status} ${answer.body?.error}`);
        } else if (answer.status !== 403 || answer.body?.error !== 'roleRequired')
          wrong.push(`${name} as ${role} (may not ${capability}): ${answer.status} ${answer.body?.error}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 90_000);
});

describe('the team API', () => {
  const audits = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action));

  it('grants roles to a wallet, an email and a brand login, listed masked, and audits each with before and after', async () => {
    const wallet = `0x${'ab'.repeat(20)}`;
    const granted = await api('POST', routes.consoleTeamGrant.path, owner.token, {
      kind: 'wallet',
      value: wallet.toUpperCase().replace('0X', '0x'),
      role: 'analyst',
    });
    expect(granted.status).toBe(201);
    expect(granted.body.member).toMatchObject({
      kind: 'wallet',
      label: wallet,
      roles: [{ role: 'analyst' }],
    });
    expect(granted.body.member.roles[0].grantedBy).toBe('Owner Oona');
    const again = await api('POST', routes.consoleTeamGrant.path, owner.token, {
      kind: 'wallet',
      value: wallet,
      role: 'analyst',
    });
    expect([again.status, again.body.granted]).toEqual([200, false]);
    await api('POST', routes.consoleTeamGrant.path, owner.token, {
      kind: 'wallet',
      value: wallet,
      role: 'host',
    });

    const email = await api('POST', routes.consoleTeamGrant.path, owner.token, {
      kind: 'email',
      value: 'Desk.Lead@Brand.example',
      role: 'checkin',
    });
    expect(email.status).toBe(201);
    expect(email.body.member.label).toBe('d•••@brand.example');
    const oidc = await api('POST', routes.consoleTeamGrant.path, owner.token, {
      kind: 'oidc',
      value: 'https://id.brand.example 80412',
      role: 'content',
    });
    expect(oidc.body.member.label).toBe('80412 (id.brand.example)');

    const list = await api('GET', routes.consoleTeam.path, owner.token);
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain('desk.lead@');
    const listed = list.body.members.find((m: { label: string }) => m.label === wallet);
    expect(listed.roles.map((r: { role: string }) => r.role)).toEqual(['host', 'analyst']);

    const grants = await audits('team.grant');
    const walletGrants = grants.filter((row) => row.target === `wallet:${wallet}`);
    expect(walletGrants.map((row) => [row.actor, row.before, row.after])).toEqual([
      [owner.address.toLowerCase(), { roles: [] }, { roles: ['analyst'] }],
      [owner.address.toLowerCase(), { roles: ['analyst'] }, { roles: ['host', 'analyst'] }],
    ]);
    expect(JSON.stringify(grants)).not.toContain('desk.lead@');
  });

  it('refuses bad principals and bodies, changing nothing', async () => {
    const before = (await db.select().from(teamRoles)).length;
    for (const body of [
      { kind: 'wallet', value: '0x1234', role: 'host' },
      { kind: 'email', value: 'not-an-email', role: 'host' },
      { kind: 'oidc', value: 'no-issuer', role: 'host' },
      { kind: 'wallet', value: `0x${'1'.repeat(40)}`, role: 'admin' },
      { kind: 'wallet', value: `0x${'1'.repeat(40)}`, role: 'host', extra: true },
    ]) {
      const refused = await api('POST', routes.consoleTeamGrant.path, owner.token, body);
      expect([refused.status, refused.body.error]).toEqual([400, 'invalidPrincipal']);
    }
    const unknown = await api('POST', routes.consoleTeamRevoke.path, owner.token, {
      id: '0'.repeat(32),
      role: 'host',
    });
    expect([unknown.status, unknown.body.error]).toEqual([404, 'roleNotHeld']);
    expect((await db.select().from(teamRoles)).length).toBe(before);
  });

  it('revokes a role (audited) but never the last owner (409 lastOwner)', async () => {
    const second = await teamMember('Owner Two', ['owner']);
    const secondId = principalId(second.address.toLowerCase());
    const revoked = await api('POST', routes.consoleTeamRevoke.path, owner.token, {
      id: secondId,
      role: 'owner',
    });
    expect(revoked.status).toBe(204);
    expect((await api('GET', routes.consoleMe.path, second.token)).status).toBe(403);
    const [line] = (await audits('team.revoke')).filter(
      (row) => row.target === `wallet:${second.address.toLowerCase()}`,
    );
    expect(line).toMatchObject({ before: { roles: ['owner'] }, after: { roles: [] } });

    // Owners seeded by other tests may exist: take every other owner away first, then the last one stays.
    const owners = await db.select().from(teamRoles).where(eq(teamRoles.role, 'owner'));
    const mine = principalId(owner.address.toLowerCase());
    for (const row of owners.filter((row) => principalId(row.principal) !== mine))
      expect(
        (
          await api('POST', routes.consoleTeamRevoke.path, owner.token, {
            id: principalId(row.principal),
            role: 'owner',
          })
        ).status,
      ).toBe(204);
    const last = await api('POST', routes.consoleTeamRevoke.path, owner.token, { id: mine, role: 'owner' });
    expect([last.status, last.body.error]).toEqual([409, 'lastOwner']);
    expect((await api('GET', routes.consoleMe.path, owner.token)).body.roles).toEqual(['owner']);
  });

  it('pages the audit log newest first, filtered by action prefix', async () => {
    const first = await api('GET', `${routes.consoleAudit.path}?limit=2&action=team.`, owner.token);
    expect(first.status).toBe(200);
    expect(first.body.entries).toHaveLength(2);
    expect(first.body.entries[0].id).toBeGreaterThan(first.body.entries[1].id);
    expect(first.body.entries[0].actorLabel).toBe('Owner Oona');
    const next = await api(
      'GET',
      `${routes.consoleAudit.path}?limit=2&action=team.&before=${first.body.next}`,
      owner.token,
    );
    expect(next.body.entries[0].id).toBeLessThan(first.body.entries[1].id);
    const grants = await api('GET', `${routes.consoleAudit.path}?action=team.grant`, owner.token);
    expect(grants.body.entries.every((e: { action: string }) => e.action === 'team.grant')).toBe(true);
    const bad = await api('GET', `${routes.consoleAudit.path}?action=%25`, owner.token);
    expect([bad.status, bad.body.error]).toEqual([400, 'invalidQuery']);
  });
});

describe('audit lines of console mutations', () => {
  it('records an event created, changed and cancelled, with the spec before and after', async () => {
    const spec = {
      ...eventStartedNow('Audit Live', 'Changes kept.'),
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    };
    const created = await api('POST', routes.consoleCreateEvent.path, owner.token, spec);
    expect(created.status).toBe(201);
    const id = created.body.id;
    const path = routes.consoleUpdateEvent.path.replace(':id', id);
    expect((await api('PUT', path, owner.token, { ...spec, title: 'Audit Live 2' })).status).toBe(200);
    expect((await api('DELETE', path, owner.token)).status).toBe(204);
    const rows = await db.select().from(auditLog).where(eq(auditLog.target, id));
    expect(rows.map((row) => row.action)).toEqual(['events.create', 'events.update', 'events.cancel']);
    expect(rows[1]).toMatchObject({
      actor: owner.address.toLowerCase(),
      before: { title: 'Audit Live' },
      after: { title: 'Audit Live 2' },
    });
    expect(rows[2]).toMatchObject({ before: { cancelled: false }, after: { cancelled: true } });
  });
});

describe('hosting a hall', () => {
  let eventId: string;

  beforeAll(async () => {
    const created = await api(
      'POST',
      routes.consoleCreateEvent.path,
      owner.token,
      eventStartedNow('Roles Live', 'Who may host.'),
    );
    expect(created.status).toBe(201);
    eventId = created.body.id;
  });

  it('an analyst joins as a member, not a host: host messages are refused', async () => {
    const analyst = await teamMember('Analyst Ana', ['analyst']);
    const bot = await joinEvent(layover.url, eventId, analyst);
    expect(bot.room.state.hosts.has(analyst.memberId)).toBe(false);
    bot.room.send('announce', { text: 'Analyst speaking' });
    await waitFor(() => bot.notices.includes('notHost'), 5000, 'notHost');
    expect(bot.room.state.stage.announcement).not.toBe('Analyst speaking');
    await bot.room.leave();
  });

  it('a host who loses host (keeping analyst) through the team API is walked out with roleChanged', async () => {
    const host = await teamMember('Host Hana', ['host', 'analyst']);
    const bot = await joinEvent(layover.url, eventId, host);
    await waitFor(() => bot.room.state.hosts.has(host.memberId), 5000, 'the host in the hall');
    const revoked = await api('POST', routes.consoleTeamRevoke.path, owner.token, {
      id: principalId(host.address.toLowerCase()),
      role: 'host',
    });
    expect(revoked.status).toBe(204);
    await waitFor(() => bot.leftWith !== undefined, 5000, 'the host walked out');
    expect(bot.leftWith).toBe(LeaveCode.roleChanged);
    expect((await api('GET', routes.consoleMe.path, host.token)).body.roles).toEqual(['analyst']);
  });
});
