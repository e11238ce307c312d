import { cpuMeter } from './cpu.ts';
import type { BenchJanus } from './janus.ts';
import { BenchMember } from './janus-peer.ts';
import { loopDelayMeter } from './loop-delay.ts';
import type { RtpStreamStats } from './rtp-stats.ts';
import type { RtpSource } from './source.ts';
import { type StreamSummary, summarize } from './summary.ts';

/** Lounge voice: members in earshot groups, each publishing audio and hearing the others of its group. */
export interface VoiceResult {
  members: number;
  groupSize: number;
  streams: number;
  janusCpu: number;
  loadCpu: number;
  /** p99 event-loop delay of the load process during the window (ms). */
  loopP99Ms: number;
  received: StreamSummary;
  /** Per member: the sum of its subscriptions' bitrates (RTP header + payload). */
  downKbpsMean: number;
  downKbpsMax: number;
  source: StreamSummary;
}

export interface VoiceOptions {
  members: number;
  groupSize: number;
  windowSeconds: number;
  loadPids: () => number[];
  log: (line: string) => void;
}

/** All members publish into one lounge room (its 50-publisher cap), then subscribe within their group. */
export async function voiceBench(
  janus: BenchJanus,
  source: RtpSource,
  o: VoiceOptions,
): Promise<VoiceResult> {
  const roomKey = 'lounge:bench';
  const members: BenchMember[] = [];
  const unhook: (() => void)[] = [];
  const heard = new Map<number, RtpStreamStats[]>();
  try {
    for (let i = 0; i < o.members; i += 5) {
      await Promise.all(
        Array.from({ length: Math.min(5, o.members - i) }, async (_, k) => {
          const grant = await janus.grant(roomKey, `member-${i + k}`, true);
          const member = await BenchMember.open(janus.url, grant);
          members[i + k] = member;
          const { audio } = await member.publish(['audio']);
          unhook.push(source.onPacket('audio', (packet) => audio?.writeRtp(packet)));
        }),
      );
    }
    o.log(`voice: ${o.members} members publishing`);
    for (let i = 0; i < o.members; i += 1) {
      const member = members[i] as BenchMember;
      const group = Math.floor(i / o.groupSize);
      const others = members.filter((_, j) => j !== i && Math.floor(j / o.groupSize) === group);
      heard.set(i, []);
      await Promise.all(
        others.map((other) =>
          member.subscribe(other.grant.feedId ?? 0, (_, stats) => heard.get(i)?.push(stats)),
        ),
      );
    }
    o.log(`voice: subscriptions made`);
    const all = () => [...heard.values()].flat();
    const streams = [...heard.values()].reduce((n, list) => n + list.length, 0);
    const deadline = Date.now() + 60_000;
    while (!all().every((s) => s.packets > 0) || all().length < streams) {
      if (Date.now() > deadline) throw new Error('media bench: some voice streams got no media within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (const s of all()) s.reset();
    source.stats.audio.reset();
    const janusMeter = cpuMeter(() => [janus.pid()]);
    const loadMeter = cpuMeter(o.loadPids);
    const loopMeter = loopDelayMeter();
    janusMeter.start();
    loadMeter.start();
    loopMeter.start();
    await new Promise((resolve) => setTimeout(resolve, o.windowSeconds * 1000));
    const janusCpu = janusMeter.stop();
    const loadCpu = loadMeter.stop();
    const loopP99Ms = loopMeter.stop();
    const down = [...heard.values()].map(
      (list) => summarize(list.map((s) => s.window())).kbpsMean * list.length,
    );
    return {
      members: o.members,
      groupSize: o.groupSize,
      streams,
      janusCpu,
      loadCpu,
      loopP99Ms,
      received: summarize(all().map((s) => s.window())),
      downKbpsMean: down.reduce((a, b) => a + b, 0) / Math.max(1, down.length),
      downKbpsMax: Math.max(0, ...down),
      source: summarize([source.stats.audio.window()]),
    };
  } finally {
    for (const off of unhook) off();
    await Promise.all(members.map((m) => m.close()));
  }
}
