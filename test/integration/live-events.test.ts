import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createPublicClient, http } from 'viem';
import { foundry } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import { memberStamps, outbox } from '../../server/db/schema.ts';
import { drawRaffle } from '../../server/domain/live-events/raffle.ts';
import type { RunningLayover } from '../../server/main.ts';
import type { LiveEventInput } from '../../shared/content/live-events.ts';
import { prizeById } from '../../shared/content/prizes.ts';
import { type EventBot, joinEvent, joinRefusal, walletSession } from '../support/event-bots.ts';
import { postJson, startTestLayover, waitFor } from '../support/layover.ts';

let layover: RunningLayover;
let hostToken: string;
let host: EventBot;
let eventId: string;
const audience: EventBot[] = [];
const CAPACITY = 30;

async function api(
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${layover.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const spec = (overrides: Partial<LiveEventInput> = {}): LiveEventInput => ({
  title: 'Winter Lights Live',
  description: 'Our winter launch, live from the lounge stage.',
  startsAt: new Date(Date.now() - 1000).toISOString(),
  durationMinutes: 30,
  hall: 'main-stage',
  access: { kind: 'anyone' },
  attendanceStampId: 'live-event',
  attendMinutes: 0.05,
  drops: [
    { id: 'gold-rush', prizeId: 'lounge-day-pass', supply: 10, windowSeconds: 60, mode: 'first' },
    { id: 'lucky-draw', prizeId: 'lounge-day-pass', supply: 3, windowSeconds: 5, mode: 'raffle' },
  ],
  ...overrides,
});

beforeAll(async () => {
  layover = await startTestLayover({ eventHallCapacity: CAPACITY });
  hostToken = (await postJson(`${layover.url}/auth/test-wallet`, { name: 'Mei Lin', host: true })).body.token;
}, 120_000);

afterAll(async () => {
  const seated = [host, ...audience].filter((bot) => bot && bot.leftWith === undefined);
  await Promise.all(seated.map((bot) => bot.room.leave().catch(() => undefined)));
  await layover?.stop();
});

describe('brand console API', () => {
  it('answers 401 without a session and 403 without the host role, on every route, before anything else', async () => {
    const guest = (await postJson(`${layover.url}/auth/guest`, { name: 'Nosy' })).body.token;
    const routes: [string, string][] = [
      ['GET', '/api/console/me'],
      ['GET', '/api/console/events'],
      ['POST', '/api/console/events'],
      ['PUT', '/api/console/events/x'],
      ['DELETE', '/api/console/events/x'],
      ['GET', '/api/console/events/x/live'],
      ['GET', '/api/console/events/x/analytics'],
      ['DELETE', '/api/console/bans/x?scope=brand'],
      ['GET', '/api/console/content'],
      ['PUT', '/api/console/content/quest/first-visit'],
      ['GET', '/api/console/no-such-route'],
    ];
    for (const [method, path] of routes) {
      expect(
        (await api(method, path, undefined, method === 'GET' ? undefined : {})).status,
        `${method} ${path}`,
      ).toBe(401);
      expect(
        (await api(method, path, guest, method === 'GET' ? undefined : {})).status,
        `${method} ${path}`,
      ).toBe(403);
    }
    const me = await api('GET', '/api/console/me', hostToken);
    expect(me.status).toBe(200);
    expect(me.body.roles).toEqual(['host']);
  });

  it('schedules an event validated by the content schema; the lounge lists it', async () => {
    const bad = await api(
      'POST',
      '/api/console/events',
      hostToken,
      spec({ attendanceStampId: 'no-such-stamp' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('invalidEvent');
    expect(bad.body.detail).toContain('attendanceStampId');
    const created = await api('POST', '/api/console/events', hostToken, spec());
    expect(created.status).toBe(201);
    eventId = created.body.id;
    expect(created.body.status).toBe('live');
    const listed = await api('GET', '/api/events', undefined);
    expect(listed.body.events.map((event: { id: string }) => event.id)).toContain(eventId);
    expect(listed.body.events.find((event: { id: string }) => event.id === eventId).open).toBe(true);
  });
});

describe('a live event with a host and 50 audience bots', () => {
  beforeAll(async () => {
    host = await joinEvent(layover.url, eventId, {
      name: 'Mei Lin',
      memberId: '',
      address: '0x',
      token: hostToken,
    });
    for (let batch = 0; batch < 5; batch += 1) {
      const joined = await Promise.all(
        Array.from({ length: 10 }, async (_, i) =>
          joinEvent(layover.url, eventId, {
            name: `Bot ${batch * 10 + i}`,
            ...(await walletSession(layover.ctx.ledger.db, `Bot ${batch * 10 + i}`)),
          }),
        ),
      );
      audience.push(...joined);
    }
  }, 60_000);

  it('opens overflow instances once a hall is full, and every instance shows the host and announcements', async () => {
    const roomIds = new Set([host, ...audience].map((bot) => bot.room.roomId));
    expect(roomIds.size).toBeGreaterThanOrEqual(2);
    for (const bot of audience) expect(bot.room.state.members.size).toBeLessThanOrEqual(CAPACITY);
    expect(audience.some((bot) => bot.room.state.instance > 1)).toBe(true);
    host.room.send('announce', { text: 'Welcome to Winter Lights!' });
    for (const bot of audience)
      await waitFor(
        () => bot.room.state.stage.announcement === 'Welcome to Winter Lights!',
        5000,
        `${bot.name} sees the announcement`,
      );
    const overflow = audience.find((bot) => bot.room.roomId !== host.room.roomId);
    expect(overflow?.room.state.stage.hostPresent).toBe(true);
    expect(overflow?.room.state.stage.hostName).toBe('Mei Lin');
  });

  it('refuses host actions from a member without the host role', async () => {
    const [mallory] = audience as [EventBot];
    mallory.room.send('announce', { text: 'Free prizes at the bar!' });
    mallory.room.send('releaseDrop', { dropId: 'gold-rush' });
    mallory.room.send('ban', { memberId: host.room.state.stage.hostId, scope: 'brand' });
    await waitFor(
      () => mallory.notices.filter((code) => code === 'notHost').length === 3,
      5000,
      'three refusals',
    );
    expect(mallory.room.state.stage.announcement).toBe('Welcome to Winter Lights!');
    expect(mallory.room.state.stage.drop.id).toBe('');
  });

  it('a drop of 10 prizes to 50 claimants yields exactly 10 winners, each once, each minted', async () => {
    host.room.send('releaseDrop', { dropId: 'gold-rush' });
    for (const bot of audience)
      await waitFor(() => bot.room.state.stage.drop.state === 'open', 5000, 'drop open');
    for (const bot of audience) bot.room.send('claimDrop', { dropId: 'gold-rush' });
    for (const bot of audience)
      await waitFor(() => bot.results.length === 1, 10_000, `${bot.name}'s claim answered`);
    const winners = audience.filter((bot) => bot.results[0]?.outcome === 'won');
    expect(winners).toHaveLength(10);
    expect(audience.filter((bot) => bot.results[0]?.outcome === 'soldOut')).toHaveLength(40);
    // A second claim is answered, and changes nothing.
    for (const bot of winners.slice(0, 3)) bot.room.send('claimDrop', { dropId: 'gold-rush' });
    for (const bot of winners.slice(0, 3))
      await waitFor(() => bot.results.length === 2, 5000, 'second claim answered');
    expect(winners.slice(0, 3).map((bot) => bot.results[1]?.outcome)).toEqual([
      'already',
      'already',
      'already',
    ]);
    await waitFor(
      () => audience.every((bot) => bot.room.state.stage.drop.claimed === 10),
      5000,
      'claimed 10 everywhere',
    );

    const { db } = layover.ctx.ledger;
    const rows = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.source, `event:${eventId}`), eq(outbox.kind, 'prize')));
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((row) => row.memberId))).toEqual(new Set(winners.map((bot) => bot.memberId)));
    const chain = createPublicClient({ chain: foundry, transport: http(layover.rpcUrl) });
    const tokenId = BigInt(prizeById('lounge-day-pass').tokenId);
    await waitFor(() => undefined, 0).catch(() => undefined);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const delivered = await db
        .select()
        .from(outbox)
        .where(and(eq(outbox.source, `event:${eventId}`), eq(outbox.status, 'delivered')));
      if (delivered.filter((row) => row.kind === 'prize').length === 10) break;
      if (Date.now() > deadline) throw new Error('drop prizes not delivered in 60 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (const bot of audience) {
      const balance = await chain.readContract({
        address: layover.contracts.Prizes as `0x${string}`,
        abi: prizesAbi,
        functionName: 'balanceOf',
        args: [bot.address, tokenId],
      });
      expect(balance, bot.name).toBe(winners.includes(bot) ? 1n : 0n);
    }
  }, 90_000);

  it('draws a raffle from a seed committed before anyone entered', async () => {
    host.room.send('releaseDrop', { dropId: 'lucky-draw' });
    const entrants = audience.slice(10, 22);
    for (const bot of entrants)
      await waitFor(() => bot.room.state.stage.drop.id === 'lucky-draw', 5000, 'raffle open');
    const commit = entrants[0]?.room.state.stage.drop.commit ?? '';
    expect(commit).toMatch(/^[0-9a-f]{64}$/);
    for (const bot of entrants) bot.room.send('claimDrop', { dropId: 'lucky-draw' });
    for (const bot of entrants)
      await waitFor(
        () => bot.results.some((r) => r.dropId === 'lucky-draw' && r.outcome === 'entered'),
        5000,
        'entered',
      );
    for (const bot of entrants)
      await waitFor(
        () =>
          bot.results.some((r) => r.dropId === 'lucky-draw' && (r.outcome === 'won' || r.outcome === 'lost')),
        15_000,
        `${bot.name} told the draw`,
      );
    // The seed arrives with the next state patch, just after the members were told.
    const revealed = await waitFor(
      () => entrants[0]?.room.state.stage.drop.seed || undefined,
      5000,
      'seed revealed',
    );
    expect(entrants[0]?.room.state.stage.drop.state).toBe('drawn');
    expect(createHash('sha256').update(revealed).digest('hex')).toBe(commit);
    const won = entrants.filter((bot) =>
      bot.results.some((r) => r.dropId === 'lucky-draw' && r.outcome === 'won'),
    );
    expect(won.map((bot) => bot.memberId).sort()).toEqual(
      drawRaffle(
        revealed,
        entrants.map((bot) => bot.memberId),
        3,
      ).sort(),
    );
  }, 30_000);

  it('gives the attendance stamp to those present long enough and no one else', async () => {
    const brief = await Promise.all(
      Array.from({ length: 4 }, async (_, i) => walletSession(layover.ctx.ledger.db, `Brief ${i}`)),
    );
    for (const who of brief) {
      const bot = await joinEvent(layover.url, eventId, { name: who.address, ...who });
      await bot.room.leave();
    }
    const { db } = layover.ctx.ledger;
    const source = `event:${eventId}`;
    const stamped = async () =>
      new Set(
        (await db.select().from(memberStamps).where(eq(memberStamps.questId, source))).map(
          (row) => row.memberId,
        ),
      );
    const deadline = Date.now() + 20_000;
    while ((await stamped()).size < audience.length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 250));
    const holders = await stamped();
    for (const bot of audience) expect(holders.has(bot.memberId), bot.name).toBe(true);
    for (const who of brief) expect(holders.has(who.memberId)).toBe(false);
    await waitFor(() => audience[5]?.notices.includes('attended'), 5000, 'attended notice');
  }, 30_000);

  it('mutes, removes and bans; a banned member cannot rejoin', async () => {
    const [, muted, removed, banned] = audience as [EventBot, EventBot, EventBot, EventBot];
    host.room.send('mute', { memberId: muted.memberId, muted: true });
    await waitFor(() => muted.room.state.muted.get(muted.memberId), 5000, 'muted in state');
    muted.room.send('ask', { text: 'Can I still ask?' });
    await waitFor(() => muted.notices.includes('muted'), 5000, 'muted notice');

    host.room.send('remove', { memberId: removed.memberId });
    await waitFor(() => removed.leftWith, 5000, 'removed member left');
    expect(removed.leftWith).toBe(4423);
    expect(removed.notices).toContain('removed');
    expect(await joinRefusal(layover.url, eventId, removed.token)).toBeUndefined();

    host.room.send('ban', { memberId: banned.memberId, scope: 'event' });
    await waitFor(() => banned.leftWith, 5000, 'banned member left');
    expect(banned.leftWith).toBe(4422);
    expect(await joinRefusal(layover.url, eventId, banned.token)).toBe(4422);
  });

  it('shows the console how it went: live view and analytics from the ledger', async () => {
    host.room.send('ask', { text: 'Hosts can ask too' });
    audience[6]?.room.send('ask', { text: 'When is the next drop?' });
    await waitFor(() => host.room.state.questions.length >= 2, 5000, 'questions reach the host');
    const live = await api('GET', `/api/console/events/${eventId}/live`, hostToken);
    expect(live.status).toBe(200);
    expect(live.body.instances.length).toBeGreaterThanOrEqual(2);
    expect(live.body.present).toBeGreaterThanOrEqual(48);
    expect(live.body.questions.map((q: { text: string }) => q.text)).toContain('When is the next drop?');
    expect(live.body.bans.map((ban: { memberId: string }) => ban.memberId)).toContain(audience[3]?.memberId);
    const analytics = await api('GET', `/api/console/events/${eventId}/analytics`, hostToken);
    expect(analytics.body.uniqueVisitors).toBeGreaterThanOrEqual(55);
    expect(analytics.body.attended).toBeGreaterThanOrEqual(50);
    expect(analytics.body.drops[0]).toMatchObject({
      dropId: 'gold-rush',
      supply: 10,
      claimed: 10,
      entrants: 50,
      delivered: 10,
    });
    expect(analytics.body.drops[1]).toMatchObject({ dropId: 'lucky-draw', claimed: 3, entrants: 12 });
    expect(analytics.body.attendance.at(-1).present).toBeGreaterThanOrEqual(48);
  });

  it('ends the show: everyone returns to the lounge and the doors close', async () => {
    host.room.send('endEvent', {});
    for (const bot of audience.slice(4, 10)) await waitFor(() => bot.leftWith, 5000, 'sent home');
    expect(audience[4]?.leftWith).toBe(4424);
    expect(await joinRefusal(layover.url, eventId, audience[4]?.token ?? '')).toBe(4421);
  });
});
