// Benchmark 6: a live event hall of 150 members, timed from its host. An audience member sees the nearest
// VISIBLE_AVATARS; a host sees the whole hall (to moderate it), so the host's patches are the hall's heaviest: from
// sending `move` to the first patch that shows the host's own avatar moved, while 149 raw walkers cross the floor.
import { Client } from '@colyseus/sdk';
import type { LiveEventInput } from '../../../shared/content/live-events.ts';
import { VISIBLE_AVATARS } from '../../../shared/netcode.ts';
import { EVENT_ROOM } from '../../../shared/rooms.ts';
import type { EventState } from '../../../shared/state/EventState.ts';
import { timeOwnMoves } from './latency.ts';
import { countSdkBytes, joinMany, RawMember } from './raw-member.ts';
import { cpuMeter, fixed, met, percentile, sleep, table } from './report.ts';
import type { BenchServer } from './server-process.ts';
import { Walkers } from './walkers.ts';

/** Everyone in the hall, the host included. */
const MEMBERS = Number(process.env.SCALE_HALL_MEMBERS ?? 150);
const TRIALS = Number(process.env.SCALE_HALL_TRIALS ?? 200);
/** The server's own default (server/config.ts); the bench server inherits this shell's EVENT_HALL_CAPACITY. */
const HALL_CAPACITY = Number(process.env.EVENT_HALL_CAPACITY ?? 150);
const P99_TARGET_MS = 75;

async function postJson(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** A host (a dev-chain test wallet with the host role) and a live event it scheduled through the brand console. */
async function liveEvent(url: string): Promise<{ hostToken: string; eventId: string }> {
  const host = await postJson(`${url}/auth/test-wallet`, { name: 'Mei Lin', host: true });
  const hostToken = String(host.token);
  const spec: LiveEventInput = {
    title: 'Scale bench hall',
    startsAt: new Date(Date.now() - 1000).toISOString(),
    durationMinutes: 120,
    hall: 'main-stage',
    access: { kind: 'anyone' },
    attendanceStampId: 'live-event',
    // Nobody earns the attendance stamp during the run: no burst of stamp writes in the middle of the trials.
    attendMinutes: 120,
  };
  const event = await postJson(`${url}/api/console/events`, spec, hostToken);
  return { hostToken, eventId: String(event.id) };
}

export async function hostPatchLatency(server: BenchServer, command: string, facts: string): Promise<string> {
  if (MEMBERS > HALL_CAPACITY)
    throw new Error(
      `SCALE_HALL_MEMBERS=${MEMBERS} does not fit one hall of ${HALL_CAPACITY}: run with EVENT_HALL_CAPACITY=${MEMBERS} (the bench server inherits it)`,
    );
  const { hostToken, eventId } = await liveEvent(server.url);
  const tokens = await server.sessions(MEMBERS - 1, 'h');
  const probe = await new Client(server.url).create<EventState>(EVENT_ROOM, { token: hostToken, eventId });
  // The hall greets with quests, stage and host messages: taken (and ignored) from the start.
  probe.onMessage('*', () => {});
  const others = await joinMany(MEMBERS - 1, 10, (i) =>
    RawMember.join(server.url, 'joinById', probe.roomId, { token: tokens[i]!, eventId }).catch(
      (error: unknown) => {
        throw new Error(`walker ${i} could not join the hall: ${String(error)}`);
      },
    ),
  );
  const walkers = new Walkers();
  walkers.add(others);
  await sleep(4000);

  const received = countSdkBytes(probe);
  let fewestSeen = Number.POSITIVE_INFINITY;
  await server.mark();
  const generator = cpuMeter();
  const startBytes = received.wire;
  const startAt = performance.now();
  const { latencies, timeouts } = await timeOwnMoves(probe, TRIALS, () => {
    fewestSeen = Math.min(fewestSeen, probe.state.members.size);
  });
  const probeKibS = (received.wire - startBytes) / ((performance.now() - startAt) / 1000) / 1024;
  const serverSample = await server.sample();
  const generatorCores = generator().cores;
  const population = probe.state.population;
  const visible = probe.state.members.size;
  walkers.stop();
  await Promise.all([...others.map((member) => member.leave()), probe.leave()]);

  const p = (q: number) => percentile(latencies, q);
  return [
    `### 6. Event hall: host move-to-patch, ${MEMBERS} members (\`${command}\`)`,
    '',
    `${facts} One hall instance (capacity ${HALL_CAPACITY}): the host (@colyseus/sdk, host role) and ${MEMBERS - 1} raw walkers; an audience member sees the nearest ${VISIBLE_AVATARS}, the host everyone.`,
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
        'Host sees',
        'Fewest seen',
        'Host KiB/s (wire)',
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
          String(fewestSeen),
          fixed(probeKibS, 2),
          fixed((serverSample.cpuMs / serverSample.wallMs) * 100, 0),
          fixed(serverSample.lag.p99, 2),
          fixed(generatorCores * 100, 0),
        ],
      ],
      [true, true, true, true, true, true, true, false, true, true, true, true, true],
    ),
    '',
    table(
      ['Target', 'Measured', 'Met'],
      [
        [`p99 <= ${P99_TARGET_MS} ms`, `${fixed(p(99))} ms`, met(p(99) <= P99_TARGET_MS && timeouts === 0)],
        [
          'host sees everyone',
          `${visible} of ${population} (fewest ${fewestSeen})`,
          met(visible === population && population === MEMBERS && fewestSeen === MEMBERS),
        ],
      ],
    ),
  ].join('\n');
}
