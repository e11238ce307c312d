import { parseArgs } from 'node:util';
import { startTestLayover } from '../support/layover.ts';
import { fuzzRoom } from './fuzz-room.ts';
import { fuzzKinds } from './room-kinds.ts';

/** `npm run fuzz [-- --frames N --per-connection M]`: N hostile frames per room kind into one in-process server. */
const { values } = parseArgs({
  options: {
    frames: { type: 'string', default: '100000' },
    'per-connection': { type: 'string', default: '100' },
    seed: { type: 'string', default: '17' },
  },
});
const frames = Number(values.frames);
const perConnection = Number(values['per-connection']);
const seed = Number(values.seed);

let serverExits = 0;
process.on('uncaughtException', (error) => {
  serverExits += 1;
  console.error('fuzz: uncaught exception in the server process', error);
});

/** Heap used after a forced GC (node --expose-gc), in MiB. */
function heapMiB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('fuzz: run node with --expose-gc (npm run fuzz does)');
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const layover = await startTestLayover({ roomCaps: { perMember: 1_000_000, perIp: 1_000_000 } });
const rows: Record<string, string | number>[] = [];
let failed = false;
try {
  const kinds = await fuzzKinds(layover);
  for (const [index, kind] of kinds.entries()) {
    const exitsBefore = serverExits;
    const before = heapMiB();
    const startedAt = Date.now();
    const connections = Math.ceil(frames / (perConnection + 1));
    const tally = await fuzzRoom(layover.url, kind, {
      connections,
      framesPerConnection: perConnection,
      seed: seed + index,
    });
    const answering = (await fetch(`${layover.url}/health`)).status === 200;
    const after = heapMiB();
    const change = ((after - before) / before) * 100;
    failed ||= tally.bystanderDrops > 0 || serverExits > exitsBefore || !answering || change > 10;
    rows.push({
      kind: kind.name,
      frames: tally.frames,
      connections: tally.connections,
      serverExits: serverExits - exitsBefore,
      serverAnswering: String(answering),
      bystanderDrops: tally.bystanderDrops,
      heapBeforeMiB: before.toFixed(1),
      heapAfterMiB: after.toFixed(1),
      heapChangePct: change.toFixed(1),
      seconds: ((Date.now() - startedAt) / 1000).toFixed(0),
      closeCodes: JSON.stringify(tally.closeCodes),
    });
    console.log(`fuzz: ${JSON.stringify(rows.at(-1))}`);
  }
} finally {
  await layover.stop();
}
console.table(rows);
process.exitCode = failed ? 1 : 0;
