// Benchmark 2: from sending `move` to the first patch that shows our own avatar moved, in a lounge of 200 walkers.
import { Client, type Room } from '@colyseus/sdk';
import { RoomName } from '../../../shared/rooms.ts';
import type { LoungeState } from '../../../shared/state/LoungeState.ts';
import { countSdkBytes, joinMany, RawMember } from './raw-member.ts';
import { cpuMeter, fixed, met, percentile, sleep, table } from './report.ts';
import type { BenchServer } from './server-process.ts';
import { Walkers } from './walkers.ts';

const MEMBERS = Number(process.env.SCALE_LATENCY_MEMBERS ?? 200);
const TRIALS = Number(process.env.SCALE_LATENCY_TRIALS ?? 200);
const TRIAL_TIMEOUT_MS = 2000;
const P99_TARGET_MS = 75;

export async function moveLatency(server: BenchServer, command: string, facts: string): Promise<string> {
  const tokens = await server.sessions(MEMBERS, 'l');
  const probe = (await new Client(server.url).create(RoomName.lounge, { token: tokens[0]! })) as Room<
    unknown,
    LoungeState
  >;
  const others = await joinMany(MEMBERS - 1, 10, (i) =>
    RawMember.join(server.url, 'joinById', probe.roomId, { token: tokens[i + 1]! }),
  );
  const walkers = new Walkers();
  walkers.add(others);
  await sleep(4000);

  probe.onMessage('*', () => {});
  const received = countSdkBytes(probe);
  await server.mark();
  const generator = cpuMeter();
  const startBytes = received.wire;
  const startAt = performance.now();
  const { latencies, timeouts } = await timeOwnMoves(probe, TRIALS);
  const probeKibS = (received.wire - startBytes) / ((performance.now() - startAt) / 1000) / 1024;
  const serverSample = await server.sample();
  const generatorCores = generator().cores;
  const population = probe.state.population;
  const visible = probe.state.members.size;
  walkers.stop();
  await Promise.all([...others.map((member) => member.leave()), probe.leave()]);

  const p = (q: number) => percentile(latencies, q);
  return [
    `### 2. Own move-to-patch latency, one lounge of ${MEMBERS} walkers (\`${command}\`)`,
    '',
    facts,
    '',
    table(
      [
        'Trials',
        'Timeouts',
        'min ms',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'Probe sees',
        'Probe KiB/s (wire)',
        'Server CPU %',
        'Server lag p99 ms',
        'Generator CPU %',
      ],
      [
        [
          String(TRIALS),
          String(timeouts),
          fixed(Math.min(...latencies)),
          fixed(p(50)),
          fixed(p(95)),
          fixed(p(99)),
          fixed(Math.max(...latencies)),
          `${visible} of ${population}`,
          fixed(probeKibS, 2),
          fixed((serverSample.cpuMs / serverSample.wallMs) * 100, 0),
          fixed(serverSample.lag.p99, 2),
          fixed(generatorCores * 100, 0),
        ],
      ],
      [true, true, true, true, true, true, true, false, true, true, true, true],
    ),
    '',
    table(
      ['Target', 'Measured', 'Met'],
      [[`p99 <= ${P99_TARGET_MS} ms`, `${fixed(p(99))} ms`, met(p(99) <= P99_TARGET_MS && timeouts === 0)]],
    ),
  ].join('\n');
}

/**
 * Times own move-to-patch `trials` times: from standing, a `move` east (then west, so the probe stays where it
 * spawned) until the first patch in which its own x/z changed (TRIAL_TIMEOUT_MS at most), then a stop and 200-300 ms
 * standing (a random phase against the server's 50 ms tick). `beforeEach` runs before every trial. Any room whose
 * state holds members with positions, our own among them (the lounge, a hall).
 */
export async function timeOwnMoves<
  S extends { members: { get(id: string): { x: number; z: number } | undefined } },
>(
  probe: Room<unknown, S>,
  trials: number,
  beforeEach: () => void = () => {},
): Promise<{ latencies: number[]; timeouts: number }> {
  let waiter: (() => void) | undefined;
  probe.onStateChange(() => waiter?.());
  const latencies: number[] = [];
  let timeouts = 0;
  for (let trial = 0; trial < trials; trial++) {
    const me = probe.state.members.get(probe.sessionId);
    if (!me) throw new Error('the probe does not see its own avatar');
    beforeEach();
    const { x, z } = me;
    const elapsed = await new Promise<number | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), TRIAL_TIMEOUT_MS);
      const t0 = performance.now();
      waiter = () => {
        if (me.x === x && me.z === z) return;
        clearTimeout(timer);
        resolve(performance.now() - t0);
      };
      probe.send('move', { x: trial % 2 === 0 ? 1 : -1, z: 0 });
    });
    waiter = undefined;
    if (elapsed === undefined) timeouts += 1;
    else latencies.push(elapsed);
    probe.send('move', { x: 0, z: 0 });
    await sleep(200 + Math.random() * 100);
  }
  return { latencies, timeouts };
}
