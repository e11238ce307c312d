import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import config from '../../drizzle.config.ts';
import { migrationsFolder } from '../../server/db/migrations.ts';

// The Drizzle schema is the one source: the committed migrations must already say everything it says. The check is
// `npm run db:generate` itself, run into a scratch copy of the migrations folder: drizzle-kit compares the schema with
// the latest committed snapshot and writes a migration only if they differ, so the test shares its idea of a change.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string | undefined;

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('drizzle-kit finds nothing in the schema that the committed migrations lack', async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-drift-'));
  await cp(migrationsFolder, join(dir, 'out'), { recursive: true });
  const schemas = ([] as string[]).concat(config.schema ?? []).map((path) => resolve(ROOT, path));
  // drizzle-kit takes `out` relative to its working directory, so it runs in the scratch folder.
  await writeFile(
    join(dir, 'drizzle.config.json'),
    JSON.stringify({ dialect: config.dialect, schema: schemas, out: './out' }),
  );
  const before = await readdir(join(dir, 'out'));

  const run = spawnSync(
    join(ROOT, 'node_modules/.bin/drizzle-kit'),
    ['generate', '--config', 'drizzle.config.json'],
    {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 50_000,
    },
  );
  const output = `${run.stdout}${run.stderr}`;
  expect(run.status, output).toBe(0);

  const added = (await readdir(join(dir, 'out'))).filter((name) => !before.includes(name));
  expect(added, `schema.ts changed without \`npm run db:generate\`:\n${output}`).toEqual([]);
  expect(output).toContain('No schema changes');
});

it('journals the migrations in increasing time, or the migrator would skip a later one', async () => {
  // drizzle-orm applies every migration whose `when` is after the latest applied one: a migration generated on a
  // machine whose clock ran behind would be silently passed over on every ledger that has the one before it.
  const journal = JSON.parse(await readFile(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { idx: number; when: number; tag: string }[];
  };
  journal.entries.forEach((entry, index) => {
    expect(entry.idx).toBe(index);
    if (index > 0) expect(entry.when, entry.tag).toBeGreaterThan(journal.entries[index - 1]?.when ?? 0);
  });
});
