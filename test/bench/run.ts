// `npm run bench`: every benchmark in turn, each in its own process so one's anvil and server never skew another.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const BENCHES = [
  'test/bench/gas.ts',
  'test/bench/gates.ts',
  'test/bench/oracle.ts',
  'test/bench/scale.ts',
  'test/bench/client-render.ts',
  'test/bench/page-weight.ts',
  'test/bench/entry-time.ts',
  'test/bench/partner-activities.ts',
  'test/bench/relay.ts',
  'test/bench/media.ts',
];

let failed = false;
for (const bench of BENCHES) {
  console.log(`\n## ${bench}\n`);
  const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [bench], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
