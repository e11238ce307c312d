// Partner activities accepted per second by one server process, and their latency: the server (pinned to core 0)
// on PostgreSQL and on PGlite, the load generator (this process, pinned to core 1) posting signed `flight` activities
// of the dev partner Skyway Air for members it matched by member number, at a fixed concurrency.
//
//   npx tsx test/bench/partner-activities.ts [--seconds 20] [--warmup 3] [--concurrency 32] [--members 1000]
//     [--ledgers postgres,pglite] [--intakes baseline,batched]
//
// PARTNER_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/layover_partner_bench) names the
// PostgreSQL database, which the bench DROPS and creates again before each PostgreSQL run.
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { type LoadResult, runLoad } from './partners/load.ts';
import { machineBusy, recreateDatabase } from './partners/machine.ts';
import { startPartnerBenchServer } from './partners/server-process.ts';
import { devPartnerSecret } from './partners/sign.ts';
import { autogroupNiceness, runInRaisedSession } from './scale/priority.ts';
import { fixed, machineFacts, table } from './scale/report.ts';
import { canPin, pinSelf } from './scale/server-process.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '32' },
    members: { type: 'string', default: '1000' },
    ledgers: { type: 'string', default: 'postgres,pglite' },
    intakes: { type: 'string', default: 'baseline' },
  },
});
const PARTNER = 'skyway-air';
const DATABASE_URL =
  process.env.PARTNER_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/layover_partner_bench';
/** Server environment per intake: the baseline is one transaction per activity (the route as it is). */
const INTAKES: Record<string, Record<string, string>> = {
  baseline: { PARTNER_INTAKE_BATCH: '0' },
  batched: { PARTNER_INTAKE_BATCH: '1' },
};

// Other sessions' work on a shared machine takes cores away for tens of ms at a time: this script, its server and
// anvil run in a session of their own at raised priority (root only). PARTNER_BENCH_NICE=0 keeps normal priority.
await runInRaisedSession(Number(process.env.PARTNER_BENCH_NICE ?? -20));
const pin = process.env.PARTNER_BENCH_PIN !== '0' && cpus().length >= 2 && canPin();
if (pin) pinSelf(1);
const niceness = autogroupNiceness() ?? 0;

const ledgers = values.ledgers.split(',').filter((name) => name === 'postgres' || name === 'pglite');
const intakes = values.intakes.split(',').filter((name) => name in INTAKES);
const concurrency = Number(values.concurrency);
const rows: string[][] = [];
const results = new Map<string, LoadResult>();
const loads: string[] = [];

for (const ledger of ledgers) {
  for (const intake of intakes) {
    if (ledger === 'postgres') {
      const refused = await recreateDatabase(DATABASE_URL).then(
        () => undefined,
        (error: Error) => error.message,
      );
      if (refused) {
        console.log(`PostgreSQL skipped: ${refused}`);
        break;
      }
    }
    const server = await startPartnerBenchServer({
      databaseUrl: ledger === 'postgres' ? DATABASE_URL : undefined,
      cpu: pin ? 0 : undefined,
      env: INTAKES[intake] ?? {},
    });
    try {
      const numbers = await server.members(Number(values.members));
      const busy = machineBusy();
      const result = await runLoad({
        url: server.url,
        partnerId: PARTNER,
        secret: devPartnerSecret(PARTNER),
        memberNumbers: numbers,
        concurrency,
        warmupMs: Number(values.warmup) * 1000,
        measureMs: Number(values.seconds) * 1000,
        tag: `${ledger}-${intake}-${Date.now()}`,
        onWindow: async () => {
          busy.mark();
          await server.mark();
        },
      });
      const machine = busy.read();
      const probe = await server.sample();
      const books = await server.check(PARTNER);
      // Server-side counts cover the window plus the few requests still in flight when it closed.
      const statements = Object.entries(probe.queries)
        .filter(([verb]) => verb !== 'transaction')
        .reduce((sum, [, n]) => sum + n, 0);
      console.log(`${ledger}/${intake}: ledger statements in the window ${JSON.stringify(probe.queries)}`);
      const booksOk =
        books.credited === result.creditedTotal &&
        books.movements === result.creditedTotal &&
        books.unmatched === 0 &&
        books.ledgerSum === 0;
      results.set(`${ledger}/${intake}`, result);
      loads.push(`${ledger}/${intake}: ${machineFacts()}`);
      const errors = Object.entries(result.errors).map(([what, n]) => `${n} ${what}`);
      rows.push([
        ledger === 'postgres' ? 'PostgreSQL' : 'PGlite',
        intake,
        fixed(result.acceptedPerSecond, 0),
        fixed(result.p50, 1),
        fixed(result.p95, 1),
        fixed(result.p99, 1),
        fixed(result.max, 0),
        errors.length > 0 ? errors.join(', ') : '0',
        fixed((probe.cpuMs / probe.wallMs) * 100, 0),
        fixed(probe.lagP99Ms, 1),
        fixed(result.generatorCores * 100, 0),
        fixed(machine * 100, 0),
        // PGlite's wrapper does not see the statements inside a transaction: only PostgreSQL's count is whole.
        ledger === 'postgres' ? fixed(statements / Math.max(1, result.accepted), 1) : 'n/a',
        booksOk
          ? `ok (${books.credited} credited, sum 0)`
          : `MISMATCH: ${JSON.stringify(books)} vs ${result.creditedTotal} credited answers`,
      ]);
      console.log(`${ledger}/${intake}: ${rows.at(-1)?.join(' | ')}`);
    } finally {
      await server.stop();
    }
  }
}

const header = [
  'Ledger',
  'Intake',
  'Accepted/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'max ms',
  'Errors',
  'Server CPU %',
  'Server lag p99 ms',
  'Generator CPU %',
  'Machine busy %',
  'Statements/activity',
  'Books after the run',
];
console.log(
  `\n${table(header, rows, [false, false, true, true, true, true, true, false, true, true, true, true, true, false])}\n`,
);
console.log(
  `${values.concurrency} concurrent requests, ${values.warmup} s warm-up, ${values.seconds} s window, ${values.members} members; ` +
    `${pin ? 'server on core 0, generator on core 1 (taskset)' : 'not pinned'}, ` +
    `${niceness < 0 ? `own session at nice ${niceness}` : 'normal priority'}; PostgreSQL shares the machine.`,
);
for (const line of loads) console.log(`- ${line}`);
for (const ledger of ledgers) {
  const base = results.get(`${ledger}/baseline`);
  const batched = results.get(`${ledger}/batched`);
  if (base && batched && base.acceptedPerSecond > 0)
    console.log(
      `${ledger}: batched / baseline = ${fixed(batched.acceptedPerSecond / base.acceptedPerSecond, 2)}x`,
    );
}
process.exit(0);
