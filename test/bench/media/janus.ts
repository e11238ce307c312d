import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnJanus } from '../../../server/media/janus-process.ts';
import { JanusWs } from '../../../server/media/janus-ws.ts';
import { randomSecret, signJanusToken, VIDEOROOM_PLUGIN } from '../../../server/media/tokens.ts';
import { pinProcess } from './cpu.ts';

/** What a load client needs to join: a signed Janus token, the room, its join key, and the feed id to publish as. */
export interface BenchGrant {
  token: string;
  room: number;
  joinKey: string;
  feedId?: number;
}

/** The Janus under test (spawned and configured by server/media's spawnJanus) and the rooms made on it. */
export interface BenchJanus {
  url: string;
  pid: () => number;
  /** A token and join key for a room (`stage:*` rooms take 3 publishers, others 50), the room made on first use. */
  grant: (roomKey: string, memberId: string, publish: boolean) => Promise<BenchGrant>;
  stop: () => Promise<void>;
}

/**
 * Spawns /usr/bin/janus (JANUS_BIN) with the config server/media writes (token auth, videoroom + WebSocket only),
 * pinned to `core` (undefined: not pinned), and makes rooms with the `create` request server/media/rooms.ts sends.
 */
export async function startBenchJanus(core: number | undefined): Promise<BenchJanus> {
  const dir = mkdtempSync(join(tmpdir(), 'media-bench-janus-'));
  const janus = await spawnJanus(process.env.JANUS_BIN ?? '/usr/bin/janus', dir);
  const pid = () => janus.pid() ?? 0;
  if (core !== undefined) pinProcess(pid(), core);
  const token = () => signJanusToken(janus.settings.tokenSecret, Date.now() + 3_600_000);
  const deadline = Date.now() + 20_000;
  let admin: JanusWs | undefined;
  while (!admin) {
    admin = await JanusWs.open(janus.wsUrl, token).catch(() => undefined);
    if (admin) break;
    if (Date.now() > deadline)
      throw new Error(`media bench: Janus not up after 20 s (${janus.settings.logFile})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const handle = await admin.attach(VIDEOROOM_PLUGIN);
  if (core !== undefined) pinProcess(pid(), core);
  const rooms = new Map<string, { id: number; joinKey: string }>();
  let nextFeed = 1;
  const roomOf = async (key: string) => {
    const known = rooms.get(key);
    if (known) return known;
    const room = { id: 1000 + rooms.size, joinKey: randomSecret() };
    rooms.set(key, room);
    await admin.message(handle, {
      request: 'create',
      admin_key: janus.settings.roomAdminKey,
      room: room.id,
      description: key,
      secret: randomSecret(),
      allowed: [room.joinKey],
      publishers: key.startsWith('stage:') ? 3 : 50,
      audiocodec: 'opus',
      videocodec: 'vp8',
      audiolevel_event: true,
      audio_active_packets: 50,
      audio_level_average: 40,
      notify_joining: false,
      is_private: true,
    });
    return room;
  };
  return {
    url: janus.wsUrl,
    pid,
    grant: async (roomKey, _memberId, publish) => {
      const room = await roomOf(roomKey);
      return {
        token: token(),
        room: room.id,
        joinKey: room.joinKey,
        ...(publish ? { feedId: nextFeed++ } : {}),
      };
    },
    stop: async () => {
      admin.close();
      await janus.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
