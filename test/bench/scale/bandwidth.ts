// Benchmark 3: bytes per second reaching one observer with 100 others walking, the lounge against the naive room.
import { Client, type Room } from '@colyseus/sdk';
import { RoomName } from '../../../shared/rooms.ts';
import { NAIVE_ROOM } from '../naive-room.ts';
import { countSdkBytes, joinMany, RawMember } from './raw-member.ts';
import { cpuMeter, fixed, met, sleep, table } from './report.ts';
import type { BenchServer } from './server-process.ts';
import { Walkers } from './walkers.ts';

const WALKERS = 100;
const WINDOW_MS = Number(process.env.SCALE_BANDWIDTH_WINDOW_MS ?? 20_000);
const TARGET_KIB_S = 8;
/** The middle of the lounge: every point of it is within 24.4 m, inside the 30 m view radius. */
const CENTRE = { x: 0, z: 0 };

interface MemberView {
  x: number;
  z: number;
}
interface ObservedState {
  members: Map<string, MemberView> & { size: number };
  population?: number;
}

/** An SDK client (it decodes, so we can check what it sees) whose socket counts payload and wire bytes. */
async function observer(url: string, room: string, options: Record<string, unknown>, metresPerUnit: number) {
  const joined = (await new Client(url).create(room, options)) as Room<unknown, ObservedState>;
  joined.onMessage('*', () => {});
  const counter = countSdkBytes(joined);
  const distanceTo = (point: { x: number; z: number }) => {
    const me = joined.state.members.get(joined.sessionId);
    return me
      ? Math.hypot(me.x * metresPerUnit - point.x, me.z * metresPerUnit - point.z)
      : Number.POSITIVE_INFINITY;
  };
  return { room: joined, counter, distanceTo };
}

export async function bytesPerClient(server: BenchServer, command: string, facts: string): Promise<string> {
  // Every seat needs a live session, the naive room's too (server/http/front-door-seats.ts guards the matchmaker).
  const tokens = await server.sessions(2 * (WALKERS + 1), 'b');
  const naiveTokens = tokens.slice(WALKERS + 1);
  // The lounge sends centimetres (shared/netcode.ts), the naive room metres.
  const lounge = await observer(server.url, RoomName.lounge, { token: tokens[0]! }, 0.01);
  const naive = await observer(server.url, NAIVE_ROOM, { token: naiveTokens[0]! }, 1);
  const loungeWalkers = await joinMany(WALKERS, 10, (i) =>
    RawMember.join(server.url, 'joinById', lounge.room.roomId, { token: tokens[i + 1]! }),
  );
  const naiveWalkers = await joinMany(WALKERS, 10, (i) =>
    RawMember.join(server.url, 'joinById', naive.room.roomId, { token: naiveTokens[i + 1]! }),
  );
  for (const { room } of [lounge, naive]) room.send('moveTo', CENTRE);
  const walkers = new Walkers();
  walkers.add([...loungeWalkers, ...naiveWalkers]);
  await sleep(6000);
  for (const { room, distanceTo } of [lounge, naive])
    if (distanceTo(CENTRE) > 1)
      throw new Error(`the ${room.name} observer did not reach the middle of the lounge`);

  const start = { lounge: { ...lounge.counter }, naive: { ...naive.counter } };
  const visible: number[] = [];
  const sampler = setInterval(() => visible.push(lounge.room.state.members.size - 1), 1000);
  await server.mark();
  const generator = cpuMeter();
  const t0 = performance.now();
  await sleep(WINDOW_MS);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const serverSample = await server.sample();
  const generatorCores = generator().cores;
  const rate = (now: { bytes: number; wire: number }, then: { bytes: number; wire: number }) => ({
    payload: (now.bytes - then.bytes) / seconds / 1024,
    wire: (now.wire - then.wire) / seconds / 1024,
  });
  const loungeRate = rate(lounge.counter, start.lounge);
  const naiveRate = rate(naive.counter, start.naive);
  walkers.stop();
  await Promise.all([...loungeWalkers, ...naiveWalkers].map((member) => member.leave()));
  await Promise.all([lounge.room.leave(), naive.room.leave()]);

  const minVisible = Math.min(...visible);
  const meanVisible = visible.reduce((a, b) => a + b, 0) / visible.length;
  return [
    `### 3. Bytes per second per client, 100 walking avatars in view (\`${command}\`)`,
    '',
    facts,
    '',
    table(
      ['Room', 'Others in view', 'Payload KiB/s', 'Wire KiB/s (with WS framing)'],
      [
        [
          'lounge (StateView, int16 cm, keyframes)',
          `${minVisible}-${fixed(meanVisible, 0)} (min-mean)`,
          fixed(loungeRate.payload, 2),
          fixed(loungeRate.wire, 2),
        ],
        [
          'naive (float32, every tick, everyone)',
          String(WALKERS),
          fixed(naiveRate.payload, 2),
          fixed(naiveRate.wire, 2),
        ],
        [
          'naive / lounge',
          '',
          `${fixed(naiveRate.payload / loungeRate.payload, 2)}x`,
          `${fixed(naiveRate.wire / loungeRate.wire, 2)}x`,
        ],
      ],
      [false, false, true, true],
    ),
    '',
    `Both rooms ran at once on one server for ${fixed(seconds, 1)} s: server ${fixed((serverSample.cpuMs / serverSample.wallMs) * 100, 0)}% of a core (lag p99 ${fixed(serverSample.lag.p99, 2)} ms), generator ${fixed(generatorCores * 100, 0)}%.`,
    '',
    table(
      ['Target', 'Measured', 'Met'],
      [
        [
          `<= ${TARGET_KIB_S} KiB/s per client`,
          `${fixed(loungeRate.wire, 2)} KiB/s on the wire (${fixed(loungeRate.payload, 2)} payload)`,
          met(loungeRate.wire <= TARGET_KIB_S),
        ],
      ],
    ),
  ].join('\n');
}
