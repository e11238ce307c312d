// The lounge at scale: members per server core, own move latency, bytes per client against a naive room, heap per
// member. The server runs in its own process (test/bench/scale/server-entry.ts); this process is the load generator.
// `npx tsx test/bench/scale.ts [members] [latency] [bandwidth] [hall] [games]` (all when none is named; heap with members).
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { bytesPerClient } from './scale/bandwidth.ts';
import { GAMES_TIME_SCALE, gameRoomLatency } from './scale/games.ts';
import { hostPatchLatency } from './scale/hall.ts';
import { moveLatency } from './scale/latency.ts';
import { membersPerCore } from './scale/members.ts';
import { autogroupNiceness, runInRaisedSession } from './scale/priority.ts';
import { machineFacts } from './scale/report.ts';
import { canPin, pinSelf, startBenchServer, startScriptNodeFlags } from './scale/server-process.ts';

const ALL = ['members', 'latency', 'bandwidth', 'hall', 'games'] as const;
const asked = process.argv
  .slice(2)
  .filter((name): name is (typeof ALL)[number] => (ALL as readonly string[]).includes(name));
const chosen = asked.length > 0 ? asked : [...ALL];

// Other sessions' work on a shared machine takes the server's core away for tens of ms at a time: this script, its
// server and anvil run in a session of their own at raised priority (root only). SCALE_NICE=0 keeps normal priority.
await runInRaisedSession(Number(process.env.SCALE_NICE ?? -20));

// Server on core 0, this generator on core 1: neither steals the other's core (other work on the machine still can).
const pin = process.env.SCALE_PIN !== '0' && cpus().length >= 2 && canPin();
if (pin) pinSelf(1);
const serverCpu = pin ? 0 : undefined;
const niceness = autogroupNiceness() ?? 0;
const placement = [
  pin
    ? 'server pinned to core 0 (taskset), load generator to core 1'
    : 'server and load generator not pinned',
  niceness < 0 ? `all in a session (autogroup) of their own at nice ${niceness}` : 'normal priority',
].join(', ');
const facts = () =>
  `${machineFacts()}; ${placement}; ledger: ${process.env.SCALE_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, oracle off.`;

// SCALE_BASELINE=<checkout> (e.g. `git worktree add /tmp/layover-base f68081f` with node_modules linked) runs each
// bench against that checkout's server first, then against this one, in the same run, so the gain is a ratio.
const baseline = process.env.SCALE_BASELINE;
const sections: string[] = [];
const run = async (
  capacity: number,
  benches: ((server: Awaited<ReturnType<typeof startBenchServer>>) => Promise<string>)[],
) => {
  for (const root of baseline ? [baseline, undefined] : [undefined]) {
    const server = await startBenchServer({ loungeCapacity: capacity, cpu: serverCpu, root });
    try {
      for (const bench of benches) {
        const flags = [
          ...startScriptNodeFlags(root ?? join(import.meta.dirname, '../..')),
          ...(process.env.SCALE_SERVER_NODE_ARGS ?? '').split(' '),
        ]
          .filter(Boolean)
          .join(' ');
        const label = `${root ? `baseline (${root})` : 'current'}, server node flags: ${flags || 'none'}`;
        const section = `${label}, load average at start ${readFileSync('/proc/loadavg', 'utf8').trim()}\n${await bench(server)}`;
        console.log(`\n${section}\n`);
        sections.push(section);
      }
    } finally {
      await server.stop();
    }
  }
};

if (chosen.includes('members'))
  await run(100, [(server) => membersPerCore(server, 'npx tsx test/bench/scale.ts members', facts())]);
const crowd = [
  ...(chosen.includes('latency')
    ? [
        (server: Parameters<typeof moveLatency>[0]) =>
          moveLatency(server, 'npx tsx test/bench/scale.ts latency', facts()),
      ]
    : []),
  ...(chosen.includes('bandwidth')
    ? [
        (server: Parameters<typeof bytesPerClient>[0]) =>
          bytesPerClient(server, 'npx tsx test/bench/scale.ts bandwidth', facts()),
      ]
    : []),
];
if (crowd.length > 0) await run(400, crowd);
if (chosen.includes('hall'))
  await run(400, [(server) => hostPatchLatency(server, 'npx tsx test/bench/scale.ts hall', facts())]);
if (chosen.includes('games')) {
  // The bench server inherits GAME_TIME_SCALE: the game rooms' phases at SCALE_GAMES_TIME_SCALE (games.ts).
  process.env.GAME_TIME_SCALE = String(GAMES_TIME_SCALE);
  await run(100, [(server) => gameRoomLatency(server, 'npx tsx test/bench/scale.ts games', facts())]);
}
process.exit(0);
