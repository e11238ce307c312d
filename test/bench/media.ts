// Live media (issue 22): listeners per Janus core for one stage (audio; audio + 360p video) and lounge voice in
// earshot groups, with werift load clients. Janus is pinned to core 1, this process and ffmpeg to core 0.
// `npx tsx test/bench/media.ts [stage-audio] [stage-video] [voice]` (all three when none is named).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { canPin, pinProcess } from './media/cpu.ts';
import { startBenchJanus } from './media/janus.ts';
import { BenchMember } from './media/janus-peer.ts';
import { startRtpSource } from './media/source.ts';
import { type StageStep, stageBench } from './media/stage.ts';
import { type VoiceResult, voiceBench } from './media/voice.ts';
import { autogroupNiceness, runInRaisedSession } from './scale/priority.ts';

const ALL = ['stage-audio', 'stage-video', 'voice'] as const;
const asked = process.argv
  .slice(2)
  .filter((a): a is (typeof ALL)[number] => (ALL as readonly string[]).includes(a));
const chosen = asked.length > 0 ? asked : [...ALL];
// Janus and ffmpeg are optional installs (the lounge runs without media): without them there is nothing to measure.
const janusBin = process.env.JANUS_BIN ?? '/usr/bin/janus';
const missing = [janusBin, 'ffmpeg'].filter((bin) => spawnSync(bin, ['--version']).error);
if (missing.length > 0) {
  console.log(`media bench skipped: ${missing.join(', ')} not installed (apt-get install -y janus ffmpeg)`);
  process.exit(0);
}
// As scale.ts: this script, ffmpeg and Janus run in a session (autogroup) of their own at raised priority (root
// only), so other sessions' work on the shared machine does not decide the figures. MEDIA_NICE=0 keeps normal priority.
await runInRaisedSession(Number(process.env.MEDIA_NICE ?? -20));
const niceness = autogroupNiceness() ?? 0;
const windowSeconds = Number(process.env.MEDIA_BENCH_WINDOW ?? 8);

const pin = process.env.MEDIA_BENCH_PIN !== '0' && cpus().length >= 2 && canPin();
if (pin) pinProcess(process.pid, 0);
const janusCore = pin ? 1 : undefined;
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const version = (cmd: string, args: string[]) =>
  (spawnSync(cmd, args, { encoding: 'utf8' }).stdout ?? '').split('\n')[0]?.trim() ?? '?';
const werift = JSON.parse(readFileSync('node_modules/werift/package.json', 'utf8')).version as string;
const facts = [
  `${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, ${version(janusBin, ['--version']).replace('Janus version: ', 'Janus ') || 'Janus'}`,
  `werift ${werift}, ${version('ffmpeg', ['-version']).split(' Copyright')[0]}`,
  pin ? 'Janus pinned to core 1 (taskset -a), load clients + ffmpeg to core 0' : 'not pinned',
  niceness < 0 ? `all in an autogroup of their own at nice ${niceness}` : 'normal priority',
  `window ${windowSeconds} s per step`,
].join('; ');
console.log(`media bench: ${facts}`);

// Ctrl-C: exit, so the exit hooks kill ffmpeg and Janus.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
const source = await startRtpSource();
const loadPids = () => [process.pid, source.pid() ?? 0];
const sections: string[] = [];
const fmt = (x: number, digits = 1) => x.toFixed(digits);
const pct = (x: number) => `${Math.round(x * 100)}%`;

const stageTable = (title: string, steps: StageStep[], kinds: ('audio' | 'video')[], load: string) => {
  const head = `| Listeners | Janus CPU | Load CPU | Load loop p99 ms | ${kinds.map((k) => `${k} loss | ${k} jitter mean/max ms | ${k} kbit/s`).join(' | ')} |`;
  const rows = steps.map((s) => {
    const cells = kinds.map((k) => {
      const r = s.streams[k];
      return r
        ? `${fmt(r.lossPct, 2)}% | ${fmt(r.jitterMeanMs)} / ${fmt(r.jitterMaxMs)} | ${fmt(r.kbpsMean, 0)}`
        : '- | - | -';
    });
    return `| ${s.listeners}${s.stop ? ` (${s.stop})` : ''} | ${pct(s.janusCpu)} | ${pct(s.loadCpu)} | ${fmt(s.loopP99Ms, 0)} | ${cells.join(' | ')} |`;
  });
  const clean = steps.filter((s) => kinds.every((k) => (s.streams[k]?.lossPct ?? 0) <= 1));
  const best = clean.at(-1);
  const perCore = best ? Math.round(best.listeners / Math.max(best.janusCpu, 0.01)) : 0;
  const src = steps.at(-1)?.source;
  const sourceLine = kinds
    .map(
      (k) => `${k} ${fmt(src?.[k]?.kbpsMean ?? 0, 0)} kbit/s, jitter ${fmt(src?.[k]?.jitterMeanMs ?? 0)} ms`,
    )
    .join('; ');
  return [
    `### ${title}`,
    `load average at start: ${load}`,
    '',
    head,
    `|${' --: |'.repeat(4 + kinds.length * 3)}`,
    ...rows,
    '',
    best
      ? `Largest step with loss <= 1%: ${best.listeners} listeners at ${pct(best.janusCpu)} of Janus' core -> about ${perCore} listeners per Janus core if Janus' CPU grows linearly (extrapolated, not measured).`
      : 'No step stayed under 1% loss.',
    `As ffmpeg sent them (before Janus, last step): ${sourceLine}.`,
  ].join('\n');
};

const voiceTable = (r: VoiceResult, load: string) =>
  [
    `### Lounge voice: ${r.members} members in earshot groups of ${r.groupSize}`,
    `load average at start: ${load}`,
    '',
    '| Members | Subscriptions | Janus CPU | Load CPU | Load loop p99 ms | Loss | Jitter mean/max ms | Down kbit/s per member (mean/max) | Up kbit/s per member |',
    '| --: | --: | --: | --: | --: | --: | --: | --: | --: |',
    `| ${r.members} | ${r.streams} | ${pct(r.janusCpu)} | ${pct(r.loadCpu)} | ${fmt(r.loopP99Ms, 0)} | ${fmt(r.received.lossPct, 2)}% | ${fmt(r.received.jitterMeanMs)} / ${fmt(r.received.jitterMaxMs)} | ${fmt(r.downKbpsMean, 0)} / ${fmt(r.downKbpsMax, 0)} | ${fmt(r.source.kbpsMean, 0)} |`,
  ].join('\n');

const runOn = async <T>(work: (janus: Awaited<ReturnType<typeof startBenchJanus>>) => Promise<T>) => {
  const janus = await startBenchJanus(janusCore);
  try {
    return await work(janus);
  } finally {
    await janus.stop();
  }
};

try {
  for (const [name, kinds, steps] of [
    ['stage-audio', ['audio'], [10, 25, 50, 100, 150, 200, 300, 400, 500]],
    ['stage-video', ['audio', 'video'], [10, 25, 50, 100, 150, 200, 300]],
  ] as const) {
    if (!chosen.includes(name)) continue;
    const load = loadAverage();
    console.log(`\n${name}: load average ${load}`);
    const result = await runOn((janus) =>
      stageBench(janus, source, {
        kinds: [...kinds],
        steps: [...steps],
        windowSeconds,
        loadPids,
        log: console.log,
      }),
    );
    const title =
      name === 'stage-audio'
        ? 'Stage, audio only (Opus, 20 ms frames, 32 kbit/s VBR target)'
        : 'Stage, audio + video (that Opus + VP8 640x360 30 fps, 500 kbit/s target, keyframe every 1 s)';
    sections.push(stageTable(title, result, [...kinds], load));
  }
  if (chosen.includes('voice')) {
    const load = loadAverage();
    console.log(`\nvoice: load average ${load}`);
    const result = await runOn((janus) =>
      voiceBench(janus, source, {
        members: Number(process.env.MEDIA_BENCH_MEMBERS ?? 50),
        groupSize: 5,
        windowSeconds,
        loadPids,
        log: console.log,
      }),
    );
    sections.push(voiceTable(result, load));
  }
} finally {
  await source.stop();
}
console.log(
  `\n${facts}; subscriptions made again after ICE/DTLS timed out on the loaded machine: ${BenchMember.retries}\n\n${sections.join('\n\n')}`,
);
process.exit(0);
