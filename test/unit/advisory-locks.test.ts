import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADVISORY_LOCKS } from '../../server/db/advisory-locks.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('PostgreSQL advisory lock keys', () => {
  it('gives every role its own key (the relayer and the prize indexer once shared 727018)', () => {
    const keys = Object.values(ADVISORY_LOCKS);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is the only place a numeric session lock key is written', () => {
    const literal = /\b(?:const|let)\s+(?:\w+_)?LOCK(?:_\w+)?\s*=\s*[\d_]+\s*;/;
    const offenders = sources('server').filter(
      (path) => !path.endsWith('advisory-locks.ts') && literal.test(readFileSync(path, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
