// The server under test for the partner activity bench, in its own process: startLayover plus an IPC probe (members
// with member numbers, CPU and event-loop lag over a window, the ledger's totals after the run).
// Run by test/bench/partners/server-process.ts as `node --import tsx test/bench/partners/server-entry.ts`.
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../../server/config.ts';
import { memberNumbers } from '../../../server/db/points-schema.ts';
import { members } from '../../../server/db/schema.ts';
import { startLayover } from '../../../server/main.ts';
import type { PartnerLedgerCheck, PartnerServerRequest, PartnerServerSample } from './server-process.ts';

/** Node's default histogram resolution: each sample is a 10 ms timer's interval, so lag = value - 10 ms. */
const ELD_RESOLUTION_MS = 10;
const eld = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });
eld.enable();
let markCpu = process.cpuUsage();
let markAt = performance.now();

const config = loadConfig(process.env, { port: 0, anvilPort: 0 });
const running = await startLayover(config, (line) => process.stderr.write(`${line}\n`));
const { db } = running.ctx.ledger;
let made = 0;
let markQueries: Record<string, number> = {};

/** Ledger statements run so far, by verb (the server's own `layover_ledger_query_seconds` histogram counts). */
async function queryCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const value of (await running.ctx.metrics.ledgerLatency.get()).values)
    if (value.metricName?.endsWith('_count')) counts[String(value.labels.operation)] = value.value;
  return counts;
}

/** Members in chunks of 500 rows (setup, not measured), each with a number `LO` + 8 digits a partner can quote. */
async function makeMembers(count: number): Promise<string[]> {
  const numbers: string[] = [];
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, i) => ({
      id: randomUUID(),
      displayName: `Bench ${made + start + i}`,
    }));
    await db.insert(members).values(rows);
    const numbered = rows.map((row, i) => ({
      memberId: row.id,
      number: `LO${String(90_000_000 + made + start + i)}`,
    }));
    await db.insert(memberNumbers).values(numbered);
    numbers.push(...numbered.map((row) => row.number));
  }
  made += count;
  return numbers;
}

async function one(query: ReturnType<typeof sql>): Promise<number> {
  const result = (await db.execute(query)) as unknown as { rows: { n: string | number | null }[] };
  return Number(result.rows[0]?.n ?? 0);
}

async function check(partnerId: string): Promise<PartnerLedgerCheck> {
  return {
    credited: await one(
      sql`SELECT count(*) AS n FROM partner_activities WHERE partner_id = ${partnerId} AND status = 'credited'`,
    ),
    unmatched: await one(
      sql`SELECT count(*) AS n FROM partner_activities WHERE partner_id = ${partnerId} AND status = 'unmatched'`,
    ),
    movements: await one(
      sql`SELECT count(*) AS n FROM points_movements WHERE kind = 'partner' AND partner_id = ${partnerId}`,
    ),
    memberPoints: await one(sql`
      SELECT coalesce(sum(e.amount), 0) AS n FROM points_entries e
      JOIN points_movements m ON m.id = e.movement_id
      WHERE m.kind = 'partner' AND m.partner_id = ${partnerId} AND e.account_kind = 'member'`),
    ledgerSum: await one(sql`SELECT coalesce(sum(amount), 0) AS n FROM points_entries`),
  };
}

async function sample(): Promise<PartnerServerSample> {
  const cpu = process.cpuUsage(markCpu);
  const queries = await queryCounts();
  for (const [verb, n] of Object.entries(markQueries)) queries[verb] = (queries[verb] ?? 0) - n;
  return {
    queries,
    wallMs: performance.now() - markAt,
    cpuMs: (cpu.user + cpu.system) / 1000,
    lagP99Ms: Math.max(0, eld.percentile(99) / 1e6 - ELD_RESOLUTION_MS),
  };
}

async function handle(request: PartnerServerRequest): Promise<unknown> {
  switch (request.cmd) {
    case 'members':
      return makeMembers(request.count);
    case 'mark':
      eld.reset();
      markCpu = process.cpuUsage();
      markAt = performance.now();
      markQueries = await queryCounts();
      return null;
    case 'sample':
      return sample();
    case 'check':
      return check(request.partnerId);
    case 'stop':
      await running.stop();
      setImmediate(() => process.exit(0));
      return null;
  }
}

process.on('message', (message: { id: number } & PartnerServerRequest) => {
  handle(message).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
  );
});
// The bench went away: take anvil down with us.
process.on('disconnect', () => void running.stop().finally(() => process.exit(0)));
process.send?.({ ready: running.url, pid: process.pid });
