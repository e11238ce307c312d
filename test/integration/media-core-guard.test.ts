import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLayover } from '../../server/main.ts';
import type { MediaTokenResponse } from '../../shared/protocol/media.ts';
import type { StageMediaView } from '../../shared/protocol/stage-media.ts';
import { type EventBot, eventStartedNow, joinEvent, walletSession } from '../support/event-bots.ts';
import {
  blankPage,
  inPagePublish,
  MEDIA_CHROMIUM_FLAGS,
  mediaOn,
  pageState,
  RawJanus,
} from '../support/janus.ts';
import { eventually, postJson, startTestLayover, waitFor } from '../support/layover.ts';

// The media token route and the server's guard on a real Janus: who may publish on a stage, and what a member
// holding a valid token and join key gets when they join with a made-up id, publish on a listener's grant, or come
// back with a feed id after they were taken off stage.
let layover: RunningLayover;
let browser: Browser;
let eventId: string;
let wsUrl: string;
const bots: EventBot[] = [];
const views = new Map<EventBot, StageMediaView>();
const raws: RawJanus[] = [];

const spec = eventStartedNow('Guarded Stage', 'Only the host and members on stage are heard.');

async function seat(name: string, token?: string): Promise<EventBot> {
  const who = token
    ? { memberId: '', address: '0x' as const, token }
    : await walletSession(layover.ctx.ledger.db, name);
  const bot = await joinEvent(layover.url, eventId, { name, ...who });
  bot.room.onMessage('stageMedia', (view: StageMediaView) => views.set(bot, view));
  bot.room.onMessage('stageMediaNotice', () => {});
  bots.push(bot);
  return bot;
}

async function grant(bot: EventBot, publish: boolean) {
  const response = await fetch(`${layover.url}/api/media/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bot.token}` },
    body: JSON.stringify({ space: { kind: 'hall', roomId: bot.room.roomId }, publish }),
  });
  return {
    status: response.status,
    body: (await response.json()) as MediaTokenResponse & { error?: string },
  };
}

async function raw(token: string): Promise<RawJanus> {
  const janus = await RawJanus.open(wsUrl, token);
  raws.push(janus);
  return janus;
}

/** Polls Janus' own participant list until `check` holds for it. */
const inRoom = (janus: RawJanus, room: number, check: (ids: Map<number, boolean>) => boolean, what: string) =>
  eventually(
    async () => {
      const list = await janus.participants(room);
      return check(new Map(list.map((p) => [p.id, p.publisher]))) ? true : undefined;
    },
    what,
    20_000,
  );

async function publisherPage(): Promise<Page> {
  const page = await browser.newPage();
  await blankPage(page, layover.url);
  return page;
}

let host: EventBot;
let linh: EventBot;
let quan: EventBot;

beforeAll(async () => {
  layover = await startTestLayover({ ...mediaOn(), eventHallCapacity: 10 });
  wsUrl = `${layover.url.replace(/^http/, 'ws')}/media/ws`;
  const hostToken = (await postJson(`${layover.url}/auth/test-wallet`, { name: 'Mei Lin', host: true })).body
    .token as string;
  const created = await fetch(`${layover.url}/api/console/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${hostToken}` },
    body: JSON.stringify(spec),
  });
  eventId = ((await created.json()) as { id: string }).id;
  host = await seat('Mei Lin', hostToken);
  host.memberId = await waitFor(() => host.room.state.stage.hostId || undefined, 5000, 'the host');
  linh = await seat('Linh');
  quan = await seat('Quan');
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: MEDIA_CHROMIUM_FLAGS,
  });
}, 240_000);

afterAll(async () => {
  for (const janus of raws) janus.close();
  await browser?.close();
  await Promise.all(
    bots.filter((bot) => bot.room.connection.isOpen).map((bot) => bot.room.leave().catch(() => undefined)),
  );
  await layover?.stop();
});

describe('media grants on a hall stage', () => {
  it('gives every grant a feed id, publishing only to the host and members on stage', async () => {
    const refused = await grant(linh, true);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('notOnStage');
    const listener = await grant(linh, false);
    expect(listener.status).toBe(200);
    expect(listener.body.publish).toBe(false);
    expect(Number.isSafeInteger(listener.body.feedId)).toBe(true);
    const hosting = await grant(host, true);
    expect(hosting.body.publish).toBe(true);
    expect(hosting.body.room).toBe(listener.body.room);
    expect(hosting.body.feedId).not.toBe(listener.body.feedId);

    host.room.send('stageInvite', { memberId: linh.memberId });
    await waitFor(() => views.get(linh)?.invited.length === 1, 5000, 'Linh invited');
    linh.room.send('stageAnswerInvite', { accept: true });
    await waitFor(() => views.get(linh)?.onStage.length === 1, 5000, 'Linh on stage');
    const onStage = await grant(linh, true);
    expect(onStage.status).toBe(200);
    expect(onStage.body.publish).toBe(true);
  });
});

describe('the guard on Janus (a raw client with a valid token and join key)', () => {
  it('kicks a participant that joins with a made-up id, and keeps one with its granted id', async () => {
    const { body } = await grant(quan, false);
    const janus = await raw(body.token);
    const forged = await janus.attach();
    const made = await janus.message(forged, {
      request: 'join',
      ptype: 'publisher',
      room: body.room,
      id: 424242,
      token: body.joinKey,
    });
    expect(made.videoroom).toBe('joined');
    const honest = await janus.attach();
    const joined = await janus.message(honest, {
      request: 'join',
      ptype: 'publisher',
      room: body.room,
      id: body.feedId,
      token: body.joinKey,
    });
    expect(joined.videoroom).toBe('joined');
    await inRoom(janus, body.room, (ids) => !ids.has(424242), 'the made-up id kicked');
    await layover.ctx.media?.sweep();
    await layover.ctx.media?.sweep();
    expect((await janus.participants(body.room)).map((p) => p.id)).toContain(body.feedId);
  });

  it('kicks a listener grant that publishes a real microphone', async () => {
    const { body } = await grant(quan, false);
    const page = await publisherPage();
    await inPagePublish(page, wsUrl, body, body.feedId);
    const seen = await pageState(page);
    expect(seen.joined).toBe(true);
    await eventually(async () => ((await pageState(page)).kicked ? true : undefined), 'kicked', 20_000);
    const janus = await raw(body.token);
    expect((await janus.participants(body.room)).map((p) => p.id)).not.toContain(body.feedId);
    await page.close();
  });

  it('lets a member on stage publish, and takes the feed when the host mutes them', async () => {
    const { body } = await grant(linh, true);
    const page = await publisherPage();
    await inPagePublish(page, wsUrl, body, body.feedId);
    const janus = await raw(body.token);
    await inRoom(janus, body.room, (ids) => ids.get(body.feedId) === true, 'Linh publishing');
    await layover.ctx.media?.sweep();
    expect(layover.ctx.media?.feedOf(`stage:${eventId}`, linh.memberId)).toBe(body.feedId);
    expect((await pageState(page)).kicked).toBe(false);

    host.room.send('stageMuteMember', { memberId: linh.memberId, muted: true });
    await eventually(async () => ((await pageState(page)).kicked ? true : undefined), 'Linh kicked', 20_000);
    await inRoom(janus, body.room, (ids) => !ids.has(body.feedId), 'her feed gone');
    expect((await grant(linh, true)).body.error).toBe('notOnStage');
    await page.close();

    // Her feed id, public to the room while she published, is spent: coming back with it is kicked.
    await layover.ctx.media?.sweep();
    const again = await janus.attach();
    const back = await janus.message(again, {
      request: 'join',
      ptype: 'publisher',
      room: body.room,
      id: body.feedId,
      token: body.joinKey,
    });
    expect(back.videoroom).toBe('joined');
    await inRoom(janus, body.room, (ids) => !ids.has(body.feedId), 'the replayed id kicked');
  });

  it('ends the media of a member the host bans from the brand: kicked from the room, no new token', async () => {
    const { body } = await grant(quan, false);
    const janus = await raw(body.token);
    const handle = await janus.attach();
    const joined = await janus.message(handle, {
      request: 'join',
      ptype: 'publisher',
      room: body.room,
      id: body.feedId,
      token: body.joinKey,
    });
    expect(joined.videoroom).toBe('joined');
    host.room.send('ban', { memberId: quan.memberId, scope: 'brand' });
    await inRoom(janus, body.room, (ids) => !ids.has(body.feedId), 'the banned member kicked');
    const after = await grant(quan, false);
    expect(after.status).toBe(403);
    expect(after.body.error).toBe('mediaBanned');

    // The console lifts the brand ban: Quan, back in the hall, gets a media token again.
    const lifted = await fetch(`${layover.url}/api/console/bans/${quan.memberId}?scope=brand`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${host.token}` },
    });
    expect(lifted.status).toBe(204);
    const back = await seat('Quan again', quan.token);
    back.memberId = quan.memberId;
    const restored = await grant(back, false);
    expect(restored.status).toBe(200);
    expect(restored.body.feedId).toBeGreaterThan(0);
  });
});
