import { randomUUID } from 'node:crypto';
import { Client, type Room } from '@colyseus/sdk';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  memberNumbers,
  partnerActivities,
  partners,
  pointsMovements,
} from '../../server/db/points-schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { signPayload } from '../../server/partners/signature.ts';
import { balanceOf, CATALOGUE_ACCOUNT, memberAccount, postMovement } from '../../server/points/ledger.ts';
import type { QuestsSnapshot } from '../../shared/protocol/quests.ts';
import { routePath, routes } from '../../shared/protocol/routes.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { postJson, startTestLayover, waitFor } from '../support/layover.ts';
import { devPartnerSecret, type PartnerCall, partnerFetch } from '../support/partner.ts';

// The partner API on a real server (anvil, PGlite or DATABASE_URL's PostgreSQL): signatures, idempotency, members
// matched by number, reversals against the partner's limit, the state, erasure and the OpenAPI document.
let layover: RunningLayover;
let room: Room<unknown, LoungeState> | undefined;
const SKYWAY = { partnerId: 'skyway-air', secret: devPartnerSecret('skyway-air') };
const run = randomUUID().slice(0, 8);

beforeAll(async () => {
  layover = await startTestLayover({ databaseUrl: process.env.DATABASE_URL });
}, 120_000);

afterAll(async () => {
  await room?.leave().catch(() => undefined);
  await layover?.stop();
});

const db = () => layover.ctx.ledger.db;

/** A real guest member with a member number a partner desk can quote. */
async function memberWithNumber(name: string): Promise<{ id: string; number: string; token: string }> {
  const guest = (await postJson(`${layover.url}${routes.guestSignIn.path}`, { name })).body;
  const number = `LO${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
  await db().insert(memberNumbers).values({ memberId: guest.member.id, number });
  return { id: guest.member.id, number, token: guest.token };
}

function flight(memberNumber: string, units: number, extra: Record<string, unknown> = {}) {
  return {
    type: 'flight',
    member: { memberNumber },
    units,
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    description: `Flight SK ${units} HKG-SGN`,
    ...extra,
  };
}

function post(body: unknown, key: string | undefined, call: Partial<PartnerCall> = {}) {
  return partnerFetch(layover.url, {
    ...SKYWAY,
    method: 'POST',
    path: routes.partnerActivities.path,
    body,
    ...(key !== undefined ? { idempotencyKey: key } : {}),
    ...call,
  });
}

const balance = (memberId: string) => balanceOf(db(), memberAccount(memberId));

describe('partner API: who may call', () => {
  it('refuses a bad signature, a stale or missing timestamp, an unknown partner and a missing key', async () => {
    const member = await memberWithNumber('Sig');
    const body = flight(member.number, 100);
    const tampered = await post(body, `${run}-sig`, {
      headers: { 'x-layover-signature': `v1=${'0'.repeat(64)}` },
    });
    expect(tampered).toMatchObject({ status: 401, body: { error: 'badSignature' } });
    const otherSecret = await post(body, `${run}-sig`, { secret: devPartnerSecret('harbor-coffee') });
    expect(otherSecret).toMatchObject({ status: 401, body: { error: 'badSignature' } });
    const old = await post(body, `${run}-sig`, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(old).toMatchObject({ status: 401, body: { error: 'staleSignature' } });
    const ahead = await post(body, `${run}-sig`, { timestamp: Math.floor(Date.now() / 1000) + 400 });
    expect(ahead).toMatchObject({ status: 401, body: { error: 'staleSignature' } });
    const unknown = await post(body, `${run}-sig`, { partnerId: 'nobody-air' });
    expect(unknown).toMatchObject({ status: 401, body: { error: 'unknownPartner' } });
    await db().update(partners).set({ active: false }).where(eq(partners.id, 'lumen-hotels'));
    const inactive = await post({ ...body, type: 'stay' }, `${run}-sig`, {
      partnerId: 'lumen-hotels',
      secret: devPartnerSecret('lumen-hotels'),
    });
    expect(inactive).toMatchObject({ status: 401, body: { error: 'unknownPartner' } });
    await db().update(partners).set({ active: true }).where(eq(partners.id, 'lumen-hotels'));
    expect(await post(body, undefined)).toMatchObject({
      status: 400,
      body: { error: 'idempotencyKeyRequired' },
    });
    expect(await post(body, 'x'.repeat(201))).toMatchObject({
      status: 400,
      body: { error: 'idempotencyKeyRequired' },
    });
    // The body signed is not the body sent: one character changed after signing.
    const raw = JSON.stringify(body);
    const timestamp = Math.floor(Date.now() / 1000);
    const forOther = signPayload(SKYWAY.secret, timestamp, raw.replace('"units":100', '"units":101'));
    const changed = await post(raw, `${run}-sig`, {
      timestamp,
      headers: { 'x-layover-signature': forOther },
    });
    expect(changed).toMatchObject({ status: 401, body: { error: 'badSignature' } });
    const signed = await post(raw, `${run}-sig`, { timestamp });
    expect(signed.status).toBe(201);
    expect(await balance(member.id)).toBe(100);
  });
});

describe('partner API: activities', () => {
  it('credits the same activity sent 50 times at once exactly once; every answer names the same activity', async () => {
    const member = await memberWithNumber('Fifty');
    const body = JSON.stringify(flight(member.number, 1234));
    const answers = await Promise.all(Array.from({ length: 50 }, () => post(body, `${run}-fifty`)));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(49);
    const ids = new Set(answers.map((answer) => answer.body.id));
    expect(ids.size).toBe(1);
    for (const answer of answers.filter((a) => a.status === 200))
      expect(answer.headers.get('idempotent-replayed')).toBe('true');
    expect(answers[0]?.body).toMatchObject({
      status: 'credited',
      points: 1234,
      type: 'flight',
      reversedAt: null,
    });
    expect(await balance(member.id)).toBe(1234);
    const [id] = [...ids];
    const movements = await db()
      .select()
      .from(pointsMovements)
      .where(like(pointsMovements.key, `partner:${id}%`));
    expect(movements).toHaveLength(1);
    expect(movements[0]).toMatchObject({ kind: 'partner', partnerId: 'skyway-air', source: 'flight' });
    expect(movements[0]?.reason).toMatchObject({
      code: 'partner',
      params: { partner: 'Skyway Air', description: 'Flight SK 1234 HKG-SGN' },
    });
    expect(await balanceOf(db(), { kind: 'partner', id: 'skyway-air' })).toBeLessThanOrEqual(-1234);
  });

  it('answers 409 for the same key with another body, and 400 for bad bodies', async () => {
    const member = await memberWithNumber('Conflict');
    expect((await post(flight(member.number, 10), `${run}-conflict`)).status).toBe(201);
    expect(await post(flight(member.number, 11), `${run}-conflict`)).toMatchObject({
      status: 409,
      body: { error: 'idempotencyConflict' },
    });
    const bad = [
      flight(member.number, -1),
      flight(member.number, 10_000_001),
      flight(member.number, 1.5),
      flight(member.number, 10, { occurredAt: new Date(Date.now() + 10 * 60_000).toISOString() }),
      flight(member.number, 10, { occurredAt: new Date(Date.now() - 366 * 86_400_000).toISOString() }),
      flight(member.number, 10, { description: '\u200b\u202e ' }),
      flight(member.number, 10, { member: { memberNumber: member.number, email: 'two@example.com' } }),
      flight(member.number, 10, { type: 'Flight!' }),
      flight(member.number, 10, { extra: true }),
    ];
    for (const [i, body] of bad.entries()) {
      const answer = await post(body, `${run}-bad-${i}`);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(['invalidBody', 'occurredAtOutOfRange']).toContain(answer.body.error);
    }
    expect(await post('{"type":', `${run}-bad-json`)).toMatchObject({
      status: 400,
      body: { error: 'invalidJson' },
    });
    expect(await post(flight(member.number, 10, { type: 'cargo' }), `${run}-norule`)).toMatchObject({
      status: 422,
      body: { error: 'noEarningRule' },
    });
    const huge = await post(JSON.stringify({ pad: 'x'.repeat(17_000) }), `${run}-huge`);
    expect(huge).toMatchObject({ status: 413, body: { error: 'bodyTooLarge' } });
    expect(await balance(member.id)).toBe(10);
  });

  it('moves the balance in the passport of a member in the lounge within a second', async () => {
    const member = await memberWithNumber('Live');
    room = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token: member.token });
    const snapshots: QuestsSnapshot[] = [];
    room.onMessage('quests', (snapshot: QuestsSnapshot) => snapshots.push(snapshot));
    await waitFor(() => snapshots.length > 0, 10_000, 'the first snapshot');
    const sent = Date.now();
    expect((await post(flight(member.number, 800), `${run}-live`)).status).toBe(201);
    await waitFor(() => snapshots.some((s) => s.points === 800), 1000, 'the passport showing 800 points');
    console.info(`[partner] activity to passport: ${Date.now() - sent} ms`);
  });

  it('keeps an activity for an unknown member unmatched (202), readable with GET, for 90 days', async () => {
    const answer = await post(flight('LO0000000000', 500), `${run}-unknown`);
    expect(answer).toMatchObject({ status: 202, body: { status: 'unmatched', points: 500 } });
    const state = await partnerFetch(layover.url, {
      ...SKYWAY,
      path: routePath(routes.partnerActivity.path, { id: answer.body.id }),
    });
    expect(state).toMatchObject({ status: 200, body: answer.body });
    const [row] = await db().select().from(partnerActivities).where(eq(partnerActivities.id, answer.body.id));
    expect((row?.expiresAt?.getTime() ?? 0) - (row?.receivedAt.getTime() ?? 0)).toBe(90 * 86_400_000);
    const otherPartner = await partnerFetch(layover.url, {
      partnerId: 'harbor-coffee',
      secret: devPartnerSecret('harbor-coffee'),
      path: routePath(routes.partnerActivity.path, { id: answer.body.id }),
    });
    expect(otherPartner).toMatchObject({ status: 404, body: { error: 'activityNotFound' } });
  });
});

describe('partner API: reversals and erasure', () => {
  const reverse = (id: string, key = `${run}-rev-${id}`) =>
    partnerFetch(layover.url, {
      ...SKYWAY,
      method: 'POST',
      path: routePath(routes.partnerReversal.path, { id }),
      idempotencyKey: key,
    });

  it('takes the points back within the partner limit, refuses past it (nothing changes), replays a second time', async () => {
    await db().update(partners).set({ negativeLimit: 1000 }).where(eq(partners.id, 'skyway-air'));
    const member = await memberWithNumber('Reverse');
    const big = (await post(flight(member.number, 3000), `${run}-rev-big`)).body;
    // The member spends 2,500 of it.
    await db().transaction((tx) =>
      postMovement(tx, {
        key: `purchase:test-${run}`,
        kind: 'purchase',
        reason: { code: 'purchase', params: { item: 'test' } },
        at: new Date(),
        entries: [
          { account: memberAccount(member.id), amount: -2500 },
          { account: CATALOGUE_ACCOUNT, amount: 2500 },
        ],
      }),
    );
    expect(await balance(member.id)).toBe(500);
    const over = await reverse(big.id);
    expect(over).toMatchObject({ status: 422, body: { error: 'reversalOverLimit' } });
    expect(await balance(member.id)).toBe(500);
    expect(
      (await partnerFetch(layover.url, { ...SKYWAY, path: `${routes.partnerActivities.path}/${big.id}` }))
        .body,
    ).toMatchObject({ status: 'credited', reversedAt: null });

    const small = (await post(flight(member.number, 1200), `${run}-rev-small`)).body;
    expect(await balance(member.id)).toBe(1700);
    const reversed = await reverse(small.id);
    expect(reversed).toMatchObject({ status: 200, body: { id: small.id, status: 'reversed' } });
    expect(reversed.body.reversedAt).toEqual(expect.any(String));
    expect(await balance(member.id)).toBe(500);
    const again = await reverse(small.id, `${run}-rev-again`);
    expect(again).toMatchObject({ status: 200, body: reversed.body });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await balance(member.id)).toBe(500);

    // Exactly at the limit: 2,000 - 3,000 = -1,000.
    await post(flight(member.number, 1500), `${run}-rev-top`);
    expect((await reverse(big.id)).status).toBe(200);
    expect(await balance(member.id)).toBe(-1000);
    const [movement] = await db()
      .select()
      .from(pointsMovements)
      .where(eq(pointsMovements.key, `partnerReversal:${big.id}`));
    expect(movement).toMatchObject({ kind: 'partnerReversal', reason: { code: 'partnerReversal' } });
    expect(await reverse('pa_nothing')).toMatchObject({ status: 404, body: { error: 'activityNotFound' } });
  });

  it('reverses an unmatched activity without a movement, and erases waiting activities naming a person', async () => {
    const email = `erase-${run}@example.com`;
    const waiting = (await post(flight('LO0000000000', 50, { member: { email } }), `${run}-wait-1`)).body;
    const other = (
      await post(flight('LO0000000000', 60, { member: { email: email.toUpperCase() } }), `${run}-wait-2`)
    ).body;
    expect([waiting.status, other.status]).toEqual(['unmatched', 'unmatched']);
    expect((await reverse(waiting.id)).body).toMatchObject({ status: 'reversed' });
    const erased = await partnerFetch(layover.url, {
      ...SKYWAY,
      method: 'POST',
      path: routes.partnerErasure.path,
      body: { member: { email } },
    });
    expect(erased).toMatchObject({ status: 200, body: { dropped: 1 } });
    const rows = await db()
      .select()
      .from(partnerActivities)
      .where(
        and(
          eq(partnerActivities.partnerId, 'skyway-air'),
          like(partnerActivities.idempotencyKey, `${run}-wait-%`),
        ),
      );
    expect(rows.map((row) => row.status).sort()).toEqual(['dropped', 'reversed']);
    for (const row of rows) {
      expect(JSON.stringify([row.memberRef, row.payload, row.description])).not.toContain('erase-');
    }
    expect(await reverse(other.id)).toMatchObject({ status: 422, body: { error: 'activityDropped' } });
  });
});

describe('partner API: OpenAPI', () => {
  it('answers a signed call to an unknown partner path with the API 404 (the body was already read)', async () => {
    const answer = await partnerFetch(layover.url, {
      ...SKYWAY,
      method: 'POST',
      path: '/api/partners/v1/nothing',
      body: { hello: 'there' },
    });
    expect(answer).toMatchObject({ status: 404, body: { error: 'notFound' } });
  });

  it('serves an OpenAPI 3.1 document to anyone, listing every path, the signature recipe and the error codes', async () => {
    const response = await fetch(`${layover.url}${routes.partnerOpenApi.path}`, {
      headers: { origin: 'https://partner.example' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const document = await response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        '/api/partners/v1/activities',
        '/api/partners/v1/activities/{id}',
        '/api/partners/v1/activities/{id}/reversal',
        '/api/partners/v1/erasure',
        '/api/partners/v1/openapi.json',
      ].sort(),
    );
    expect(document.info.description).toContain('HMAC-SHA256');
    expect(JSON.stringify(document)).toContain('idempotencyConflict');
    const activity = document.components.schemas.ActivityBody;
    expect(activity.properties.units).toMatchObject({ type: 'integer', minimum: 0, maximum: 10_000_000 });
    expect(activity.required).toEqual(
      expect.arrayContaining(['type', 'member', 'units', 'occurredAt', 'description']),
    );
  });
});
