import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayPublishOnStage } from '../../server/live-events/stage-media-board.ts';
import type { RunningLayover } from '../../server/main.ts';
import type { StageMediaNotice, StageMediaView } from '../../shared/protocol/stage-media.ts';
import { type EventBot, eventStartedNow, joinEvent, walletSession } from '../support/event-bots.ts';
import { postJson, startTestLayover, waitFor } from '../support/layover.ts';

// Two seats per hall: the host and Linh share the first instance, Quan overflows into the second.
let layover: RunningLayover;
let eventId: string;
const seated: EventBot[] = [];
const seen = new Map<EventBot, { view: StageMediaView | null; notices: StageMediaNotice[] }>();

const spec = eventStartedNow('Stage Voices', 'A live Q&A with the host on stage.');

async function seat(name: string, token?: string): Promise<EventBot> {
  const who = token
    ? { memberId: '', address: '0x' as const, token }
    : await walletSession(layover.ctx.ledger.db, name);
  const bot = await joinEvent(layover.url, eventId, { name, ...who });
  const record = { view: null as StageMediaView | null, notices: [] as StageMediaNotice[] };
  seen.set(bot, record);
  bot.room.onMessage('stageMedia', (view: StageMediaView) => {
    if (!record.view || view.seq >= record.view.seq) record.view = view;
  });
  bot.room.onMessage('stageMediaNotice', ({ code }: { code: StageMediaNotice }) => record.notices.push(code));
  bot.room.send('stageMediaSync', {});
  await waitFor(() => record.view, 5000, `${name} reads the stage media`);
  seated.push(bot);
  return bot;
}

const view = (bot: EventBot) => seen.get(bot)?.view;
const notices = (bot: EventBot) => seen.get(bot)?.notices ?? [];
const publishes = (memberId: string) => mayPublishOnStage(layover.ctx.presence, eventId, memberId);

let host: EventBot;
let linh: EventBot;
let quan: EventBot;

beforeAll(async () => {
  layover = await startTestLayover({
    eventHallCapacity: 2,
    ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  });
  const hostToken = (await postJson(`${layover.url}/auth/test-wallet`, { name: 'Mei Lin', host: true })).body
    .token as string;
  const created = await fetch(`${layover.url}/api/console/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${hostToken}` },
    body: JSON.stringify(spec),
  });
  eventId = ((await created.json()) as { id: string }).id;
  host = await seat('Mei Lin', hostToken);
  host.memberId = await waitFor(() => host.room.state.stage.hostId || undefined, 5000, 'the host on stage');
  linh = await seat('Linh');
  quan = await seat('Quan');
}, 120_000);

afterAll(async () => {
  await Promise.all(
    seated.filter((bot) => bot.leftWith === undefined).map((bot) => bot.room.leave().catch(() => undefined)),
  );
  await layover?.stop();
});

describe('the stage in every hall instance', () => {
  it('seats Quan in an overflow instance', () => {
    expect(host.memberId).not.toBe('');
    expect(linh.room.roomId).toBe(host.room.roomId);
    expect(quan.room.roomId).not.toBe(host.room.roomId);
  });

  it('refuses stage powers to a member without the host role', async () => {
    linh.room.send('stageGoLive', { video: true });
    linh.room.send('stageInvite', { memberId: linh.memberId });
    await waitFor(() => linh.notices.filter((code) => code === 'notHost').length === 2, 5000, 'refusals');
    linh.room.send('stageMediaSync', {});
    await waitFor(() => view(linh)?.seq === 0 && view(linh), 5000, 'an unchanged stage');
    expect(view(linh)?.live).toBeNull();
    expect(await publishes(linh.memberId)).toBe(false);
  });

  it('shows a host going live to every instance; only the host may publish', async () => {
    host.room.send('stageGoLive', { video: true });
    await waitFor(() => view(quan)?.live?.video === true, 5000, 'Quan sees the host live');
    expect(view(quan)?.live?.memberId).toBe(host.memberId);
    expect(await publishes(host.memberId)).toBe(true);
    expect(await publishes(quan.memberId)).toBe(false);
  });

  it('puts a member with a raised hand on stage from another instance, once they accept', async () => {
    quan.room.send('stageRaiseHand', { raised: true });
    await waitFor(() => view(host)?.hands.some((h) => h.memberId === quan.memberId), 5000, 'the hand');
    // Quan sits in the other instance: the host finds him through his question.
    quan.room.send('ask', { text: 'Can I say hello to everyone?' });
    await waitFor(
      () => host.room.state.questions.some((q) => q.memberId === quan.memberId),
      5000,
      'question',
    );
    host.room.send('stageInvite', { memberId: quan.memberId });
    await waitFor(() => view(quan)?.invited.some((m) => m.memberId === quan.memberId), 5000, 'invited');
    expect(await publishes(quan.memberId)).toBe(false);
    linh.room.send('stageAnswerInvite', { accept: true });
    await waitFor(() => notices(linh).includes('notInvited'), 5000, 'Linh was not invited');
    quan.room.send('stageAnswerInvite', { accept: true });
    await waitFor(() => view(linh)?.onStage.some((m) => m.memberId === quan.memberId), 5000, 'on stage');
    expect(view(linh)?.hands).toEqual([]);
    expect(await publishes(quan.memberId)).toBe(true);
  });

  it('lets the host mute a member on stage, and a ban takes them off everywhere', async () => {
    host.room.send('stageMuteMember', { memberId: quan.memberId, muted: true });
    await waitFor(() => view(quan)?.onStage[0]?.muted === true, 5000, 'muted on stage');
    expect(await publishes(quan.memberId)).toBe(false);
    host.room.send('stageMuteMember', { memberId: quan.memberId, muted: false });
    await waitFor(() => view(quan)?.onStage[0]?.muted === false, 5000, 'unmuted');
    expect(await publishes(quan.memberId)).toBe(true);
    host.room.send('ban', { memberId: quan.memberId, scope: 'event' });
    await waitFor(() => view(linh)?.onStage.length === 0, 5000, 'Quan off the stage');
    expect(await publishes(quan.memberId)).toBe(false);
    await waitFor(() => quan.leftWith !== undefined, 5000, 'Quan sent home');
  });

  it('ends the host live for everyone', async () => {
    host.room.send('stageEndLive', {});
    await waitFor(() => view(linh)?.live === null && view(linh), 5000, 'live ended');
    expect(await publishes(host.memberId)).toBe(false);
  });
});
