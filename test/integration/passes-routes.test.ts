import { randomUUID } from 'node:crypto';
import { Client } from '@colyseus/sdk';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSession } from '../../server/auth/sessions.ts';
import { createMember } from '../../server/db/members.ts';
import { accountAudit, memberCredentials } from '../../server/db/schema.ts';
import { emailPrincipal, grantStaffRole } from '../../server/live-events/staff.ts';
import type { RunningLayover } from '../../server/main.ts';
import { queueAward } from '../../server/prizes/award.ts';
import { JoinErrorCode } from '../../shared/protocol/join.ts';
import { MemberPassResponse } from '../../shared/protocol/passes.ts';
import { routes } from '../../shared/protocol/routes.ts';
import type { StaffRoleName } from '../../shared/protocol/staff-roles.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { startTestLayover, waitFor } from '../support/layover.ts';

// The pass routes on a real server: a member reads their pass, an admin grants a console pass rule once (audited),
// and a Gold Pass the ledger holds for a member without a wallet opens VIP.
let layover: RunningLayover;
const db = () => layover.ctx.ledger.db;

beforeAll(async () => {
  layover = await startTestLayover({ roomCaps: { perMember: 20, perIp: 1000 } });
}, 120_000);

afterAll(async () => {
  await layover?.stop();
}, 60_000);

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
type Answer = { status: number; body: any };

async function api(method: string, path: string, token?: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${layover.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A member signed in by email (staff when given a role), or a guest. */
async function member(name: string, role?: StaffRoleName): Promise<{ id: string; token: string }> {
  const record = await createMember(db(), { displayName: name });
  const email = `${record.id.slice(0, 8)}@brand.example`;
  await db()
    .insert(memberCredentials)
    .values({ id: randomUUID(), memberId: record.id, kind: 'email', subject: email, label: 'masked' });
  if (role) await grantStaffRole(db(), emailPrincipal(email), role);
  const { token } = await issueSession(db(), record.id, role ? 'email' : 'guest', 3_600_000);
  return { id: record.id, token };
}

const grant = (token: string | undefined, body: unknown) =>
  api('POST', routes.consolePassGrant.path, token, body);

describe('pass routes', () => {
  it("shows a member their own pass only: none, then the brand's grant, held until a wallet", async () => {
    const guest = await member('Passless');
    expect((await api('GET', routes.memberPass.path)).status).toBe(401);
    const none = await api('GET', routes.memberPass.path, guest.token);
    expect(none).toEqual({ status: 200, body: { pass: null } });

    const admin = await member('Ada Admin', 'owner');
    const granted = await grant(admin.token, {
      memberId: guest.id,
      ruleId: 'brand-platinum',
      note: 'Partner CEO',
    });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ applied: true, pass: { tier: 3, place: 'held', tokenId: null } });
    const mine = await api('GET', routes.memberPass.path, guest.token);
    expect(MemberPassResponse.parse(mine.body).pass).toMatchObject({
      tier: 3,
      place: 'held',
      chainTier: null,
    });
    expect(mine.body.pass.grants.map((g: { ruleId: string }) => g.ruleId)).toEqual(['brand-platinum']);
    // Another member's session sees their own (none), never this one.
    expect((await api('GET', routes.memberPass.path, admin.token)).body).toEqual({ pass: null });
  });

  it('applies a grant once per member and rule, audited, and refuses hosts, guests, bad bodies and unknown rules', async () => {
    const admin = await member('Ada Ops', 'owner');
    const host = await member('Hal Floor', 'host');
    const target = await member('Lucky');
    const body = { memberId: target.id, ruleId: 'brand-silver', note: 'Welcome' };
    expect((await grant(admin.token, body)).status).toBe(201);
    const replay = await grant(admin.token, body);
    expect(replay).toMatchObject({ status: 200, body: { applied: false, pass: { tier: 1 } } });
    const audit = await db()
      .select()
      .from(accountAudit)
      .where(and(eq(accountAudit.memberId, target.id), eq(accountAudit.action, 'passGranted')));
    expect(audit.map((row) => [row.actorMemberId, row.detail])).toEqual([
      [admin.id, { ruleId: 'brand-silver', tier: 1, note: 'Welcome' }],
    ]);

    expect((await grant(host.token, { ...body, ruleId: 'brand-gold' })).body.error).toBe('roleRequired');
    expect((await grant(target.token, { ...body, ruleId: 'brand-gold' })).status).toBe(403);
    expect((await grant(undefined, body)).status).toBe(401);
    expect((await grant(admin.token, { ...body, ruleId: 'jetsetter-gold' })).body.error).toBe(
      'unknownPassRule',
    );
    expect((await grant(admin.token, { ...body, ruleId: 'no-such-rule' })).body.error).toBe(
      'unknownPassRule',
    );
    expect((await grant(admin.token, { ...body, memberId: randomUUID() })).body.error).toBe('memberNotFound');
    expect((await grant(admin.token, { ...body, note: '' })).body.error).toBe('invalidPassGrant');
    expect((await grant(admin.token, { ...body, tier: 3 })).body.error).toBe('invalidPassGrant');
  });

  it('opens VIP to a member whose Gold Pass the ledger holds (no wallet yet); a guest without one is refused', async () => {
    const winner = await member('Held Gold');
    await db().transaction((tx) =>
      queueAward(tx, {
        kind: 'prize',
        memberId: winner.id,
        itemId: 'gold-pass',
        eventId: `test:${randomUUID()}`,
        source: 'passes-routes-test',
        at: new Date(),
      }),
    );
    const room = await new Client(layover.url).joinOrCreate<LoungeState>('vip', { token: winner.token });
    await waitFor(() => room.state?.members?.get(room.sessionId), 5000, 'member in state');
    await room.leave();
    const stranger = await member('No Gold');
    await expect(
      new Client(layover.url).joinOrCreate('vip', { token: stranger.token }),
    ).rejects.toMatchObject({
      code: JoinErrorCode.gateDenied,
    });
  });
});
