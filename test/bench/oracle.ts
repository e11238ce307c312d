// Prize oracle throughput and award-to-receipt latency on anvil, batched against one transaction per prize.
import { cpus } from 'node:os';
import { inArray } from 'drizzle-orm';
import { startAnvil } from '../../server/chain/anvil.ts';
import { loadConfig } from '../../server/config.ts';
import type { Db } from '../../server/db/open.ts';
import { outbox } from '../../server/db/schema.ts';
import { startTestLayover } from '../support/layover.ts';
import { queuePrizes } from '../support/prizes.ts';

const BURST = 2000;
const RATE_PER_S = 100;
const STEADY_S = 10;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function untilDelivered(
  db: Db,
  ids: number[],
  timeoutMs: number,
): Promise<{ latencies: number[]; done: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db
      .select({ status: outbox.status, createdAt: outbox.createdAt, deliveredAt: outbox.deliveredAt })
      .from(outbox)
      .where(inArray(outbox.id, ids));
    const delivered = rows.filter((row) => row.status === 'delivered' && row.deliveredAt);
    if (delivered.length === ids.length || Date.now() > deadline)
      return {
        latencies: delivered.map((row) => (row.deliveredAt?.getTime() ?? 0) - row.createdAt.getTime()),
        done: delivered.length,
      };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One oracle configuration: a burst (throughput) then a steady arrival rate (latency). */
async function measure(batchSize: number, burst: number, steadySeconds: number) {
  const anvil = await startAnvil();
  const defaults = loadConfig({}).oracle;
  const layover = await startTestLayover({
    rpcUrl: anvil.rpcUrl,
    oracle: { ...defaults, batchSize, pollMs: 20 },
  });
  try {
    const { db } = layover.ctx.ledger;
    const burstIds = await queuePrizes(db, burst);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const drained = await untilDelivered(db, burstIds, 180_000);
    const burstS = (performance.now() - t0) / 1000;
    const steadyIds: number[] = [];
    const steadyStart = Date.now();
    for (let tick = 0; tick < steadySeconds * 10; tick++) {
      steadyIds.push(...(await queuePrizes(db, RATE_PER_S / 10)));
      const next = steadyStart + (tick + 1) * 100;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
    }
    const steady = await untilDelivered(db, steadyIds, 60_000);
    const cpu = process.cpuUsage(cpu0);
    return {
      batchSize,
      perSecond: drained.done / burstS,
      burst: drained.done,
      burstS,
      steadyDone: steady.done,
      steadyTotal: steadyIds.length,
      p50: percentile(steady.latencies, 50),
      p95: percentile(steady.latencies, 95),
      cpuS: (cpu.user + cpu.system) / 1e6,
    };
  } finally {
    await layover.stop();
    await anvil.stop();
  }
}

const batched = await measure(100, BURST, STEADY_S);
const baseline = await measure(1, 200, 5);
const f = (n: number, digits = 1) => n.toFixed(digits);
console.log(
  `Prize oracle on anvil (automine), PGlite ledger, confirmations 1; Node ${process.version}, ${cpus().length} cores; server, oracle and load in one process`,
);
console.log(
  '| Oracle | Burst | Prizes/s (burst) | Steady load | Delivered | Award-to-receipt p50 / p95 (ms) | CPU s |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const run of [batched, baseline]) {
  console.log(
    `| ${run.batchSize === 1 ? 'baseline: 1 tx per prize' : `batched, ${run.batchSize} per tx`} | ${run.burst} in ${f(run.burstS)} s | ${f(run.perSecond)} | ${RATE_PER_S}/s | ${run.steadyDone}/${run.steadyTotal} | ${f(run.p50, 0)} / ${f(run.p95, 0)} | ${f(run.cpuS)} |`,
  );
}
console.log(`throughput ratio batched / baseline: ${f(batched.perSecond / baseline.perSecond)}x`);
