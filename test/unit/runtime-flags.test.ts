import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../server/runtime-flags.ts';
import { startScriptNodeFlags } from '../bench/scale/server-process.ts';

const ROOT = join(import.meta.dirname, '../..');
const scripts = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

describe('server runtime flags', () => {
  it('npm start and npm run dev give node the flags the workers and tests use', () => {
    for (const name of ['start', 'dev']) {
      const words = scripts[name]!.split(/\s+/);
      expect(words[0]).toBe('node');
      for (const flag of SERVER_NODE_FLAGS) expect(words, `${name}: ${flag}`).toContain(flag);
    }
    // The scale bench reads them back from the start script, so a baseline checkout runs with its own.
    expect(startScriptNodeFlags(ROOT)).toEqual([...SERVER_NODE_FLAGS]);
  });

  it('this node accepts them and the young generation is smaller than its default', () => {
    // An unknown or misspelt flag makes node exit 9 ("bad option"); smaller semi-spaces lower V8's heap limit.
    const limit = (flags: readonly string[]) => {
      const run = spawnSync(
        process.execPath,
        [...flags, '-p', "require('node:v8').getHeapStatistics().heap_size_limit"],
        { encoding: 'utf8' },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      return Number(run.stdout);
    };
    expect(limit(SERVER_NODE_FLAGS)).toBeLessThan(limit([]));
  });
});
