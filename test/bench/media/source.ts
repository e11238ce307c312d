import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RtpPacket } from 'werift';
import { freePort } from '../../../server/media/janus-process.ts';
import { RtpStreamStats } from './rtp-stats.ts';

/** RTP packets of one kind, as ffmpeg sends them; each listener forwards them (a werift track's writeRtp). */
export interface RtpSource {
  onPacket: (kind: 'audio' | 'video', listener: (packet: Buffer) => void) => () => void;
  pid: () => number | undefined;
  /** The packets as they leave ffmpeg (this process' socket): the jitter and bitrate receivers are compared with. */
  stats: Record<'audio' | 'video', RtpStreamStats>;
  stop: () => Promise<void>;
}

/**
 * Encodes a 10 s clip once (440 Hz tone as Opus 32 kbit/s in 20 ms frames; `testsrc` as VP8 640x360 at 30 fps,
 * ~500 kbit/s, a keyframe every second), then streams it in a loop at real time with `-c copy` to two UDP ports, so
 * the load core spends nothing on encoding.
 */
export async function startRtpSource(): Promise<RtpSource> {
  const dir = mkdtempSync(join(tmpdir(), 'media-bench-'));
  const clip = join(dir, 'clip.webm');
  const made = spawnSync(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-y'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=10'],
      ...['-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=30:duration=10'],
      ...['-c:a', 'libopus', '-b:a', '32k', '-application', 'voip', '-frame_duration', '20'],
      ...['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '500k', '-g', '30'],
      clip,
    ],
    { stdio: 'inherit' },
  );
  if (made.status !== 0) throw new Error('media bench: ffmpeg could not encode the clip');
  const ports = { audio: await freePort(), video: await freePort() };
  const listeners = { audio: new Set<(p: Buffer) => void>(), video: new Set<(p: Buffer) => void>() };
  const stats = { audio: new RtpStreamStats(48000), video: new RtpStreamStats(90000) };
  const sockets = (['audio', 'video'] as const).map((kind) => {
    const socket = createSocket('udp4');
    socket.on('message', (packet) => {
      stats[kind].add(RtpPacket.deSerialize(packet));
      for (const listener of listeners[kind]) listener(packet);
    });
    socket.bind(ports[kind], '127.0.0.1');
    return socket;
  });
  const ffmpeg: ChildProcess = spawn(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-re', '-stream_loop', '-1', '-i', clip],
      ...['-map', '0:a', '-c', 'copy', '-f', 'rtp', `rtp://127.0.0.1:${ports.audio}?pkt_size=1200`],
      ...['-map', '0:v', '-c', 'copy', '-f', 'rtp', `rtp://127.0.0.1:${ports.video}?pkt_size=1200`],
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const kill = () => ffmpeg.kill('SIGKILL');
  process.once('exit', kill);
  return {
    onPacket: (kind, listener) => {
      listeners[kind].add(listener);
      return () => listeners[kind].delete(listener);
    },
    pid: () => ffmpeg.pid,
    stats,
    stop: async () => {
      process.off('exit', kill);
      kill();
      for (const socket of sockets) socket.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
