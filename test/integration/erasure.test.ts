import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/open.ts';
import { partnerActivities, partners } from '../../server/db/points-schema.ts';
import { accountAudit, memberCredentials, memberStamps, outbox } from '../../server/db/schema.ts';
import { recordGameRound } from '../../server/games/record-round.ts';
import { grantStaffRole } from '../../server/live-events/staff.ts';
import type { RunningLayover } from '../../server/main.ts';
import { eraseMember } from '../../server/members/erase.ts';
import {
  accountTotals,
  BRAND_ACCOUNT,
  balanceOf,
  memberAccount,
  memberHistory,
  postMovement,
} from '../../server/points/ledger.ts';
import { questContent } from '../../shared/content/quests.ts';
import { type EventBot, joinEvent, walletSession } from '../support/event-bots.ts';
import { startTestLayover, waitFor } from '../support/layover.ts';

const NAME = 'Quillon Vantablack';
const EMAIL = 'quillon.vantablack@example.test';
const WORDS = 'Will the marmalade flights return?';

let layover: RunningLayover;
let host: EventBot;
let bystander: EventBot;
let victim: EventBot;
let eventId: string;

async function api(method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${layover.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

/** Every table and text/json column of the ledger (information_schema) that holds `needle`, as `table.column`. */
async function ledgerHits(db: Db, needle: string): Promise<string[]> {
  const query = async (statement: SQL) =>
    ((await db.execute(statement)) as unknown as { rows: unknown[] }).rows;
  const columns = await query(
    sql`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'
        AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`,
  );
  const hits: string[] = [];
  for (const row of columns as { table_name: string; column_name: string }[]) {
    const [found] = await query(
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(row.table_name)}
          WHERE ${sql.identifier(row.column_name)}::text ILIKE ${`%${needle}%`}`,
    );
    if ((found as { n: number }).n > 0) hits.push(`${row.table_name}.${row.column_name}`);
  }
  return hits;
}

/**
 * Points that name the member everywhere they can: an opening balance (its key holds the id), a partner's activity
 * (how the partner named them, its description and payload), a staff adjustment whose note names them.
 */
async function givePoints(db: Db, id: string): Promise<void> {
  const at = new Date();
  await db
    .insert(partners)
    .values({ id: 'erasure-air', name: 'Erasure Air', secret: 'x' })
    .onConflictDoNothing();
  const activityId = randomUUID();
  await db.insert(partnerActivities).values({
    id: activityId,
    partnerId: 'erasure-air',
    idempotencyKey: randomUUID(),
    bodyHash: 'h',
    type: 'flight',
    memberRef: { email: EMAIL },
    memberId: id,
    points: 500,
    status: 'credited',
    description: `Flight for ${NAME}`,
    payload: { passenger: NAME, email: EMAIL },
    occurredAt: at,
    receivedAt: at,
  });
  const member = memberAccount(id);
  const before = await balanceOf(db, member);
  await db.transaction(async (tx) => {
    await postMovement(tx, {
      key: `opening:${id}`,
      kind: 'opening',
      reason: { code: 'opening' },
      at,
      entries: [
        { account: member, amount: 40 },
        { account: BRAND_ACCOUNT, amount: -40 },
      ],
    });
    await postMovement(tx, {
      key: `partner:${activityId}`,
      kind: 'partner',
      reason: { code: 'partner', params: { partner: 'Erasure Air', description: `Flight for ${NAME}` } },
      at,
      partnerId: 'erasure-air',
      source: 'flight',
      entries: [
        { account: member, amount: 500 },
        { account: { kind: 'partner', id: 'erasure-air' }, amount: -500 },
      ],
    });
    await postMovement(tx, {
      key: `adjust:${randomUUID()}`,
      kind: 'adjustment',
      reason: { code: 'adjustment', params: { note: `${NAME} asked for ${EMAIL} to be corrected` } },
      at,
      createdBy: `member:${id}`,
      entries: [
        { account: member, amount: -15 },
        { account: BRAND_ACCOUNT, amount: 15 },
      ],
    });
  });
  expect(await balanceOf(db, member)).toBe(before + 40 + 500 - 15);
}

/** Polls an async check (a ledger or HTTP read) until it holds. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; tries < 250; tries += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`gave up waiting for ${what}`);
}

const liveView = async () => (await api('GET', `/api/console/events/${eventId}/live`, host.token)).body;

const stateHolds = (bot: EventBot, needle: string) =>
  JSON.stringify(bot.room.state.toJSON()).includes(needle);

beforeAll(async () => {
  layover = await startTestLayover();
  const { db } = layover.ctx.ledger;
  const hostMember = await walletSession(db, 'Host Ruth');
  await grantStaffRole(db, hostMember.address, 'host');
  const created = await api('POST', '/api/console/events', hostMember.token, {
    title: 'Erasure Live',
    description: 'A show the erased member took part in.',
    startsAt: new Date(Date.now() - 1000).toISOString(),
    durationMinutes: 30,
    hall: 'main-stage',
    access: { kind: 'anyone' },
    attendanceStampId: 'live-event',
    attendMinutes: 0.05,
    drops: [],
  });
  expect(created.status).toBe(201);
  eventId = created.body.id;
  host = await joinEvent(layover.url, eventId, { name: 'Host Ruth', ...hostMember });
  bystander = await joinEvent(layover.url, eventId, { name: 'Ode', ...(await walletSession(db, 'Ode')) });
  victim = await joinEvent(layover.url, eventId, { name: NAME, ...(await walletSession(db, NAME)) });
}, 120_000);

afterAll(async () => {
  const seated = [host, bystander, victim].filter((bot) => bot && bot.leftWith === undefined);
  await Promise.all(seated.map((bot) => bot.room.leave().catch(() => undefined)));
  await layover?.stop();
});

describe('erasing a member who did everything', () => {
  it('leaves neither their name, id nor email in the ledger, the stage, a running hall or the console', async () => {
    const { db } = layover.ctx.ledger;
    const id = victim.memberId;
    // Words on the stage: a question the host pinned, a spotlight, a mute, a poll vote.
    victim.room.send('ask', { text: WORDS });
    const question = await waitFor(
      () => host.room.state.questions.find((q) => q.memberId === id),
      5000,
      'the question reaches the host',
    );
    host.room.send('pinQuestion', { questionId: question.id });
    host.room.send('spotlight', { memberId: id });
    host.room.send('startPoll', { question: 'Window or aisle?', options: ['Window', 'Aisle'] });
    await waitFor(() => host.room.state.stage.poll.open, 5000, 'the poll opens');
    victim.room.send('vote', { pollId: host.room.state.stage.poll.id, option: 0 });
    await waitFor(() => victim.notices.includes('voteRecorded'), 5000, 'the vote counts');
    host.room.send('mute', { memberId: id, muted: true });
    await waitFor(
      () =>
        bystander.room.state.stage.pinned.text === WORDS && bystander.room.state.stage.spotlightName === NAME,
      5000,
      'the stage shows the question and the spotlight',
    );
    await waitFor(() => bystander.room.state.muted.has(id), 5000, 'the mute reaches the hall');
    // Reports both ways, a game on the leaderboard, stamps, points, a delivered prize, a credential, an audit.
    victim.room.send('report', {
      memberId: bystander.memberId,
      reason: 'spam',
      note: 'I am Quillon, he spams',
    });
    bystander.room.send('report', { memberId: id, reason: 'abuse', note: `${NAME} shouted` });
    await recordGameRound(db, {
      eventId: `plane-room:1:${id}`,
      gameId: 'plane',
      memberId: id,
      score: 2400,
      won: false,
      at: new Date(),
      winnerPrize: undefined,
      content: questContent,
    });
    await db.insert(memberStamps).values({
      memberId: id,
      stampId: 'first-visit',
      questId: 'first-visit',
      eventId: `${id}:day:2026-12-05`,
      place: 'lounge',
      earnedAt: new Date(),
    });
    await givePoints(db, id);
    await db.insert(outbox).values({
      kind: 'stamp',
      memberId: id,
      itemId: 'first-visit',
      eventId: `${id}:day:2026-12-05`,
      status: 'delivered',
      recipient: victim.address.toLowerCase(),
    });
    await db
      .insert(memberCredentials)
      .values({ id: randomUUID(), memberId: id, kind: 'email', subject: EMAIL });
    await db.insert(accountAudit).values({ action: 'emailAdded', memberId: id, detail: { email: EMAIL } });
    await until(async () => (await liveView()).reports.length === 2, 'both reports reach the console');
    expect(await ledgerHits(db, NAME)).not.toEqual([]);
    await victim.room.leave();

    await eraseMember(db, id, layover.ctx);

    for (const needle of [NAME, id, EMAIL, WORDS]) expect(await ledgerHits(db, needle), needle).toEqual([]);
    // The points stay in the books, on an anonymous erased account: the ledger still sums to 0.
    expect(await balanceOf(db, memberAccount(id))).toBe(0);
    expect(await memberHistory(db, id)).toEqual([]);
    const totals = await accountTotals(db);
    expect(totals.erased).toBeGreaterThanOrEqual(40 + 500 - 15);
    expect(Object.values(totals).reduce((sum, total) => sum + total, 0)).toBe(0);
    for (const bot of [host, bystander])
      await waitFor(() => !stateHolds(bot, NAME) && !stateHolds(bot, id), 5000, `${bot.name}'s hall forgets`);
    expect(stateHolds(host, WORDS)).toBe(false);
    const newcomer = await joinEvent(layover.url, eventId, {
      name: 'Late',
      ...(await walletSession(db, 'Late')),
    });
    for (const needle of [NAME, id, WORDS]) expect(stateHolds(newcomer, needle), needle).toBe(false);
    await newcomer.room.leave();
    const live = JSON.stringify(await liveView());
    for (const needle of [NAME, id, WORDS]) expect(live.includes(needle), needle).toBe(false);
    const board = JSON.stringify(
      (await api('GET', '/api/games/plane/leaderboard?period=all', host.token)).body,
    );
    expect(board.includes(NAME) || board.includes(id)).toBe(false);
  });
});
