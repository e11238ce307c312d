import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A generated HLS clip served over HTTP, as a brand's CDN would (another origin, CORS open). */
export interface HlsClip {
  /** The server's origin ("http://127.0.0.1:PORT"): what HLS_ORIGINS must list. */
  origin: string;
  /** The VOD playlist's URL. */
  url: string;
  /** Length of the clip in seconds. */
  seconds: number;
  /** Requests served, by file name (playlist and segments), for checks that members really fetched it. */
  requests: Map<string, number>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
};

/**
 * Makes a VOD HLS clip with Debian's ffmpeg (test pattern with a running clock, a 440 Hz tone; H.264 + AAC in 2 s
 MPEG-TS segments, a keyframe at each) in a temp folder and serves it from 127.0.0.1 on a free port.
 */
export async function serveHlsClip(seconds = 20): Promise<HlsClip> {
  const dir = await mkdtemp(join(tmpdir(), 'layover-hls-'));
  try {
    const words = (text: string) => text.split(' ');
    await run('ffmpeg', [
      ...words('-hide_banner -loglevel error -y -f lavfi -i'),
      `testsrc=size=320x180:rate=15:duration=${seconds}`,
      ...words('-f lavfi -i'),
      `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
      ...words('-c:v libx264 -preset ultrafast -profile:v baseline -pix_fmt yuv420p -g 30 -keyint_min 30'),
      ...words('-sc_threshold 0 -c:a aac -b:a 64k -shortest'),
      ...words('-f hls -hls_time 2 -hls_playlist_type vod -hls_segment_filename'),
      join(dir, 'seg%03d.ts'),
      join(dir, 'clip.m3u8'),
    ]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const files = new Set(await readdir(dir));
  const requests = new Map<string, number>();
  const server = createServer((req, res) => {
    // Only the generated files, by exact name: no paths, no traversal.
    const name = new URL(req.url ?? '/', 'http://clip').pathname.slice(1);
    res.setHeader('access-control-allow-origin', '*');
    if (req.method !== 'GET' || !files.has(name)) {
      res.writeHead(404).end();
      return;
    }
    requests.set(name, (requests.get(name) ?? 0) + 1);
    res.writeHead(200, { 'content-type': TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream' });
    createReadStream(join(dir, name)).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}/clip.m3u8`,
    seconds,
    requests,
    close: async () => {
      await closeServer(server);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
