import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLayover } from '../../server/main.ts';
import type { MediaStatus, MediaTokenResponse } from '../../shared/protocol/media.ts';
import { mediaOn, RawJanus } from '../support/janus.ts';
import { eventually, postJson, startTestLayover } from '../support/layover.ts';

// Janus killed with SIGKILL under a member holding a token: the server says so, starts it again by itself,
// recreates the rooms with the same ids and join keys, and a new token works.
let layover: RunningLayover;
let lounge: Room;
let token: string;
const statuses: MediaStatus[] = [];
const raws: RawJanus[] = [];

const janusPid = async () =>
  Number(await readFile(join(layover.ctx.config.dataDir, 'janus', 'janus.pid'), 'utf8').catch(() => 0));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function grant(): Promise<MediaTokenResponse> {
  const response = await fetch(`${layover.url}/api/media/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ space: { kind: 'lounge', roomId: lounge.roomId }, publish: true }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as MediaTokenResponse;
}
const mediaStatus = async () =>
  ((await (await fetch(`${layover.url}/api/media/status`)).json()) as { media: MediaStatus }).media;
async function joinAs(g: MediaTokenResponse) {
  const janus = await RawJanus.open(`${layover.url.replace(/^http/, 'ws')}/media/ws`, g.token);
  raws.push(janus);
  const handle = await janus.attach();
  return janus.message(handle, {
    request: 'join',
    ptype: 'publisher',
    room: g.room,
    id: g.feedId,
    token: g.joinKey,
  });
}

beforeAll(async () => {
  layover = await startTestLayover(mediaOn());
  layover.ctx.media?.onStatus((status) => statuses.push(status));
  token = (await postJson(`${layover.url}/auth/guest`, { name: 'Thao' })).body.token as string;
  lounge = await new Client(layover.url).joinOrCreate('lounge', { token });
  lounge.onMessage('*', () => {});
}, 240_000);

afterAll(async () => {
  for (const janus of raws) janus.close();
  await lounge?.leave().catch(() => undefined);
  await layover?.stop();
});

describe('media after Janus is killed', () => {
  it('goes down, comes back by itself with the same rooms, and a new token works', async () => {
    const before = await grant();
    expect((await joinAs(before)).videoroom).toBe('joined');
    expect(await mediaStatus()).toBe('up');
    const pid = await janusPid();
    expect(alive(pid)).toBe(true);
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    await eventually(
      async () => (statuses.includes('down') ? true : undefined),
      'media reported down',
      20_000,
    );
    await eventually(
      async () => (statuses.lastIndexOf('up') > statuses.indexOf('down') ? true : undefined),
      'media up again',
      60_000,
    );
    console.info(
      `media: Janus back ${Date.now() - killedAt} ms after SIGKILL (statuses ${statuses.join(' -> ')})`,
    );
    expect(await mediaStatus()).toBe('up');
    const restarted = await janusPid();
    expect(restarted).not.toBe(pid);
    expect(alive(restarted)).toBe(true);

    const after = await grant();
    expect(after.room).toBe(before.room);
    expect(after.joinKey).toBe(before.joinKey);
    expect((await joinAs(after)).videoroom).toBe('joined');
    const health = (await (await fetch(`${layover.url}/health`)).json()) as {
      ok: boolean;
      media: MediaStatus;
    };
    expect(health.ok).toBe(true);
    expect(health.media).toBe('up');
  });
});
