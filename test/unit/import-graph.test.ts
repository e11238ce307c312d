import { resolve } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Every error-level rule broken in client/, server/ and shared/, one line each (a cycle lists its path). */
async function violations(): Promise<string[]> {
  const options = await extractDepcruiseOptions(resolve(root, '.dependency-cruiser.cjs'));
  const tsConfig = extractTSConfig(resolve(root, 'tsconfig.json'));
  const cruiseOptions = { ...options, baseDir: root, tsConfig: { fileName: resolve(root, 'tsconfig.json') } };
  const { output } = await cruise(['client', 'server', 'shared'], cruiseOptions, undefined, { tsConfig });
  const errors = (output as ICruiseResult).summary.violations.filter((v) => v.rule.severity === 'error');
  return errors.map((violation) => {
    const cycle = violation.cycle?.map((step) => step.name).join(' -> ');
    return `${violation.rule.name}: ${violation.from} -> ${cycle ?? violation.to}`;
  });
}

describe('import graph (.dependency-cruiser.cjs)', () => {
  it('has no cycles, no core import of a feature and no feature reaching into another', async () => {
    expect(await violations()).toEqual([]);
  });
});
