import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalPresence } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppLogger } from '../../server/context.ts';
import { type JanusProcess, spawnJanus } from '../../server/media/janus-process.ts';
import { type MediaService, startMediaService } from '../../server/media/service.ts';
import { RawJanus } from '../support/janus.ts';
import { eventually } from '../support/layover.ts';

// Two Layover processes' media services on one Janus (JANUS_WS_URL, same secrets) and one presence (Redis in
// production): they agree on a stage's room, keep each other's members, and a ban in one reaches the other.
let dir: string;
let janus: JanusProcess;
const services: MediaService[] = [];
const raws: RawJanus[] = [];
const quiet = { info() {}, warn() {}, error() {}, debug() {}, child: () => quiet } as unknown as AppLogger;

async function raw(token: string) {
  const client = await RawJanus.open(janus.wsUrl, token);
  raws.push(client);
  return client;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-media-shared-'));
  janus = await spawnJanus(process.env.JANUS_BIN ?? '/usr/bin/janus', dir);
  const presence = new LocalPresence();
  for (let i = 0; i < 2; i++) {
    const service = startMediaService({
      janusUrl: janus.wsUrl,
      publicWsUrl: janus.wsUrl,
      tokenSecret: janus.settings.tokenSecret,
      roomAdminKey: janus.settings.roomAdminKey,
      tokenSeconds: 120,
      presence,
      logger: quiet,
    });
    services.push(service);
    await eventually(async () => (service.status === 'up' ? true : undefined), 'media up', 30_000);
  }
}, 60_000);

afterAll(async () => {
  for (const client of raws) client.close();
  for (const service of services) await service.stop();
  await janus?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('two processes on one Janus', () => {
  it('give one room and one join key for a stage, and keep each other members', async () => {
    const [a, b] = services as [MediaService, MediaService];
    const fromA = await a.issueToken({ memberId: 'linh', roomKey: 'stage:e1', publish: false });
    const fromB = await b.issueToken({ memberId: 'quan', roomKey: 'stage:e1', publish: false });
    expect(fromB.room).toBe(fromA.room);
    expect(fromB.joinKey).toBe(fromA.joinKey);
    const client = await raw(fromA.token);
    for (const g of [fromA, fromB]) {
      const handle = await client.attach();
      const joined = await client.message(handle, {
        request: 'join',
        ptype: 'publisher',
        room: g.room,
        id: g.feedId,
        token: g.joinKey,
      });
      expect(joined.videoroom).toBe('joined');
    }
    const forged = await client.attach();
    await client.message(forged, {
      request: 'join',
      ptype: 'publisher',
      room: fromA.room,
      id: 777,
      token: fromA.joinKey,
    });
    await eventually(
      async () => ((await client.participants(fromA.room)).some((p) => p.id === 777) ? undefined : true),
      'the made-up id kicked',
      20_000,
    );
    await a.sweep();
    await b.sweep();
    const ids = (await client.participants(fromA.room)).map((p) => p.id);
    expect(ids).toContain(fromA.feedId);
    expect(ids).toContain(fromB.feedId);
  });

  it('ends a member banned in one process in the other too: kicked, new join key everywhere, tokens refused', async () => {
    const [a, b] = services as [MediaService, MediaService];
    const before = await b.issueToken({ memberId: 'vy', roomKey: 'stage:e1', publish: false });
    const client = await raw(before.token);
    const handle = await client.attach();
    await client.message(handle, {
      request: 'join',
      ptype: 'publisher',
      room: before.room,
      id: before.feedId,
      token: before.joinKey,
    });
    await a.endMemberMedia('vy');
    await eventually(
      async () =>
        (await client.participants(before.room)).some((p) => p.id === before.feedId) ? undefined : true,
      'vy kicked by the process that granted her',
      20_000,
    );
    expect(await b.isRevoked('vy')).toBe(true);
    const fresh = await b.issueToken({ memberId: 'linh', roomKey: 'stage:e1', publish: false });
    expect(fresh.joinKey).not.toBe(before.joinKey);
    const old = await client.attach();
    const refused = await client.message(old, {
      request: 'join',
      ptype: 'publisher',
      room: before.room,
      token: before.joinKey,
    });
    expect(refused.error_code).toBeDefined();
    // The ban lifted in process B: both processes issue Vy's tokens again.
    await b.restoreMemberMedia('vy');
    await eventually(async () => ((await a.isRevoked('vy')) ? undefined : true), 'A hears the lift', 10_000);
    expect(await b.isRevoked('vy')).toBe(false);
  });
});
