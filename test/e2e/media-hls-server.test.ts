import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageContentSecurityPolicy } from '../../server/http/security-headers.ts';
import { hlsOrigins } from '../../server/live-events/screen-video-origins.ts';
import type { RunningLayover } from '../../server/main.ts';
import {
  checkScreenVideoUrl,
  driftCorrection,
  type ScreenVideoState,
} from '../../shared/protocol/screen-video.ts';
import { type EventBot, eventStartedNow, joinEvent, walletSession } from '../support/event-bots.ts';
import { postJson, startTestLayover, waitFor } from '../support/layover.ts';

// The big screen's HLS video through the real server: host-only play/stop, URL refusals, the same start time in two
// hall instances, and a late player's sync.

const CDN = 'http://127.0.0.1:9';
let layover: RunningLayover;
let eventId: string;
const bots: EventBot[] = [];
const seen = new Map<EventBot, ScreenVideoState[]>();
const refused = new Map<EventBot, string[]>();

async function seat(name: string, token?: string): Promise<EventBot> {
  const who = token
    ? { name, memberId: '', address: '0x' as const, token }
    : { name, ...(await walletSession(layover.ctx.ledger.db, name)) };
  const bot = await joinEvent(layover.url, eventId, who);
  seen.set(bot, []);
  refused.set(bot, []);
  bot.room.onMessage('screenVideo', (state: ScreenVideoState) => seen.get(bot)?.push(state));
  bot.room.onMessage('screenVideoRefused', ({ code }: { code: string }) => refused.get(bot)?.push(code));
  bots.push(bot);
  return bot;
}

const last = (bot: EventBot) => seen.get(bot)?.at(-1);

beforeAll(async () => {
  process.env.HLS_ORIGINS = `${CDN}, not a url`;
  layover = await startTestLayover({ eventHallCapacity: 2 });
  const hostToken = (await postJson(`${layover.url}/auth/test-wallet`, { name: 'Mei Lin', host: true })).body
    .token;
  const created = await fetch(`${layover.url}/api/console/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${hostToken}` },
    body: JSON.stringify(eventStartedNow('Screening night', 'A film on the big screen.')),
  });
  eventId = ((await created.json()) as { id: string }).id;
  await seat('Mei Lin', hostToken);
}, 240_000);

afterAll(async () => {
  await Promise.all(
    bots.filter((bot) => bot.room.connection.isOpen).map((bot) => bot.room.leave().catch(() => undefined)),
  );
  await layover?.stop();
  delete process.env.HLS_ORIGINS;
});

describe('screen video URL check', () => {
  it('accepts same-origin paths and listed http(s) origins, refuses anything else', () => {
    expect(hlsOrigins({ HLS_ORIGINS: 'https://cdn.example/x, ftp://a, junk,https://cdn.example' })).toEqual([
      'https://cdn.example',
    ]);
    const allowed = ['https://cdn.example'];
    expect(checkScreenVideoUrl('/hls/a.m3u8?x=1', allowed)).toEqual({ ok: true, url: '/hls/a.m3u8?x=1' });
    expect(checkScreenVideoUrl('https://cdn.example/live.m3u8', allowed)).toEqual({
      ok: true,
      url: 'https://cdn.example/live.m3u8',
    });
    for (const bad of [
      'javascript:alert(1)',
      'data:text/plain,x',
      'ftp://cdn.example/a',
      '//evil.example/a',
      '',
    ])
      expect(checkScreenVideoUrl(bad, allowed), bad).toEqual({ ok: false, code: 'badUrl' });
    expect(checkScreenVideoUrl('https://user:pw@cdn.example/a', allowed)).toEqual({
      ok: false,
      code: 'badUrl',
    });
    expect(checkScreenVideoUrl('https://evil.example/a.m3u8', allowed)).toEqual({
      ok: false,
      code: 'originNotAllowed',
    });
  });

  it("lets the pages' CSP load the listed origins' media and playlists, and no other", () => {
    const csp = pageContentSecurityPolicy({
      publicUrl: undefined,
      publicAddress: undefined,
      walletConnectProjectId: null,
      mediaUrl: undefined,
      dev: false,
    });
    expect(csp).toMatch(new RegExp(`media-src [^;]*${CDN}`));
    expect(csp).toMatch(new RegExp(`connect-src [^;]*${CDN}`));
    expect(csp).not.toContain('evil.example');
  });

  it('corrects drift past 0.3 s with the rate, past 2 s with a seek', () => {
    expect(driftCorrection(0.1)).toEqual({ seek: false, rate: 1 });
    expect(driftCorrection(0.5)).toEqual({ seek: false, rate: 0.9 });
    expect(driftCorrection(-0.5)).toEqual({ seek: false, rate: 1.1 });
    expect(driftCorrection(-3)).toEqual({ seek: true, rate: 1 });
  });
});

describe('a video on the big screen of every hall instance', () => {
  it('refuses a bad URL and a foreign origin to the host, and play/stop to a member', async () => {
    const [host] = bots as [EventBot];
    const member = await seat('Linh');
    host.room.send('screenVideoPlay', { url: 'javascript:alert(1)' });
    host.room.send('screenVideoPlay', { url: 'https://evil.example/live.m3u8' });
    await waitFor(() => refused.get(host)?.length === 2, 5000, 'host hears both refusals');
    expect(refused.get(host)).toEqual(['badUrl', 'originNotAllowed']);
    member.room.send('screenVideoPlay', { url: `${CDN}/clip.m3u8` });
    member.room.send('screenVideoStop', {});
    await waitFor(
      () => member.notices.filter((code) => code === 'notHost').length === 2,
      5000,
      'notHost twice',
    );
    expect(seen.get(member)).toEqual([]);
  });

  it('plays the host URL in two instances with one start time; a late player syncs; stop clears it', async () => {
    const [host, first] = bots as [EventBot, EventBot];
    const second = await seat('Alex');
    expect(second.room.roomId).not.toBe(first.room.roomId);
    const before = Date.now();
    host.room.send('screenVideoPlay', { url: `${CDN}/clip.m3u8` });
    for (const bot of [first, second])
      await waitFor(() => last(bot)?.url === `${CDN}/clip.m3u8`, 5000, `${bot.name} gets the video`);
    const a = last(first) as ScreenVideoState;
    const b = last(second) as ScreenVideoState;
    expect(a.startedAt).toBe(b.startedAt);
    expect(a.startedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(a.serverNow).toBeGreaterThanOrEqual(a.startedAt);
    const late = await seat('Sam');
    late.room.send('screenVideoSync', {});
    await waitFor(() => last(late)?.url === `${CDN}/clip.m3u8`, 5000, 'a late player syncs');
    expect(last(late)?.startedAt).toBe(a.startedAt);
    host.room.send('screenVideoStop', {});
    for (const bot of [first, second, late])
      await waitFor(() => last(bot)?.url === '', 5000, `${bot.name} sees the screen cleared`);
  });

  it('drops a member who floods sync requests, answering five at most; the others still sync', async () => {
    const [, linh] = bots as [EventBot, EventBot];
    const flooder = await seat('Tam');
    const answered = seen.get(flooder)?.length ?? 0;
    // 40 at once: the hall answers a burst of five, then Colyseus closes a socket past 30 messages a second.
    for (let i = 0; i < 40; i++) flooder.room.send('screenVideoSync', {});
    await waitFor(() => flooder.leftWith !== undefined, 10_000, 'the flooder is dropped');
    expect(flooder.leftWith).toBe(4002);
    expect((seen.get(flooder)?.length ?? 0) - answered).toBeLessThanOrEqual(5);
    const before = seen.get(linh)?.length ?? 0;
    linh.room.send('screenVideoSync', {});
    await waitFor(() => (seen.get(linh)?.length ?? 0) > before, 5000, 'Linh still gets an answer');
    expect(last(linh)?.url).toBe('');
  });
});
