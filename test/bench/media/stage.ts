import { cpuMeter } from './cpu.ts';
import type { BenchJanus } from './janus.ts';
import { BenchMember, type MediaKind } from './janus-peer.ts';
import { loopDelayMeter } from './loop-delay.ts';
import type { RtpStreamStats } from './rtp-stats.ts';
import type { RtpSource } from './source.ts';
import { type StreamSummary, summarize } from './summary.ts';

/** One step of the stage bench: N listeners of one publisher, measured over one window. */
export interface StageStep {
  listeners: number;
  janusCpu: number;
  loadCpu: number;
  /** p99 event-loop delay of the load process during the window (ms). */
  loopP99Ms: number;
  streams: Record<MediaKind, StreamSummary | undefined>;
  /** The same streams as ffmpeg sent them to the publisher (jitter and bitrate before Janus). */
  source: Record<MediaKind, StreamSummary | undefined>;
  /** Why stepping stopped here, when it did. */
  stop?: string;
}

export interface StageOptions {
  kinds: MediaKind[];
  steps: number[];
  windowSeconds: number;
  /** Processes of the load side (this one, ffmpeg), for the load core's CPU. */
  loadPids: () => number[];
  log: (line: string) => void;
}

/** Subscribes `n` listeners to `feed` five at a time (each with its own token, session and peer). */
async function addListeners(
  janus: BenchJanus,
  roomKey: string,
  feed: number,
  from: number,
  to: number,
  members: BenchMember[],
  stats: Map<MediaKind, RtpStreamStats[]>,
): Promise<void> {
  for (let i = from; i < to; i += 5) {
    await Promise.all(
      Array.from({ length: Math.min(5, to - i) }, async (_, k) => {
        const grant = await janus.grant(roomKey, `listener-${i + k}`, false);
        const member = await BenchMember.open(janus.url, grant);
        members.push(member);
        await member.subscribe(feed, (kind, s) => stats.get(kind)?.push(s));
      }),
    );
  }
}

/** Polls until every listener has media of every kind (each stream's first packet), or 60 s pass. */
async function firstMedia(stats: Map<MediaKind, RtpStreamStats[]>, listeners: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ready = [...stats.values()].every(
      (list) => list.length === listeners && list.every((s) => s.packets > 0),
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('media bench: some listeners got no media within 60 s');
}

/** One publisher (the host) on a stage room, N werift listeners stepped up until loss > 1% or a core is 85% busy. */
export async function stageBench(
  janus: BenchJanus,
  source: RtpSource,
  o: StageOptions,
): Promise<StageStep[]> {
  const roomKey = `stage:bench-${o.kinds.join('-')}`;
  const hostGrant = await janus.grant(roomKey, 'host', true);
  const host = await BenchMember.open(janus.url, hostGrant);
  const tracks = await host.publish(o.kinds);
  const unhook = o.kinds.map((kind) => source.onPacket(kind, (packet) => tracks[kind]?.writeRtp(packet)));
  const stats = new Map<MediaKind, RtpStreamStats[]>(o.kinds.map((kind) => [kind, []]));
  const members: BenchMember[] = [];
  const results: StageStep[] = [];
  const janusMeter = cpuMeter(() => [janus.pid()]);
  const loadMeter = cpuMeter(o.loadPids);
  const loopMeter = loopDelayMeter();
  try {
    for (const n of o.steps) {
      await addListeners(janus, roomKey, hostGrant.feedId ?? 0, members.length, n, members, stats);
      await firstMedia(stats, n);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      for (const list of stats.values()) for (const s of list) s.reset();
      for (const kind of o.kinds) source.stats[kind].reset();
      janusMeter.start();
      loadMeter.start();
      loopMeter.start();
      await new Promise((resolve) => setTimeout(resolve, o.windowSeconds * 1000));
      const step: StageStep = {
        listeners: n,
        janusCpu: janusMeter.stop(),
        loadCpu: loadMeter.stop(),
        loopP99Ms: loopMeter.stop(),
        streams: { audio: undefined, video: undefined },
        source: { audio: undefined, video: undefined },
      };
      for (const [kind, list] of stats) {
        step.streams[kind] = summarize(list.map((s) => s.window()));
        step.source[kind] = summarize([source.stats[kind].window()]);
      }
      const loss = Math.max(...o.kinds.map((kind) => step.streams[kind]?.lossPct ?? 0));
      const reasons = [
        ...(loss > 1 ? [`loss ${loss.toFixed(2)}% > 1%`] : []),
        ...(step.janusCpu > 0.85 ? ['Janus core saturated'] : []),
        ...(step.loadCpu > 0.85 ? ['load core saturated'] : []),
      ];
      if (reasons.length > 0) step.stop = reasons.join(', ');
      o.log(stepLine(step, o.kinds));
      results.push(step);
      if (step.stop) break;
    }
  } finally {
    for (const off of unhook) off();
    await Promise.all([host, ...members].map((m) => m.close()));
  }
  return results;
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

export function stepLine(step: StageStep, kinds: MediaKind[]): string {
  const parts = kinds.map((kind) => {
    const s = step.streams[kind];
    return s
      ? `${kind} loss ${s.lossPct.toFixed(2)}% jitter ${s.jitterMeanMs.toFixed(1)}/${s.jitterMaxMs.toFixed(1)} ms ${s.kbpsMean.toFixed(0)} kbit/s`
      : `${kind} -`;
  });
  return `N=${step.listeners} Janus ${pct(step.janusCpu)} load ${pct(step.loadCpu)} loop p99 ${step.loopP99Ms.toFixed(0)} ms | ${parts.join(' | ')}${step.stop ? ` (stop: ${step.stop})` : ''}`;
}
