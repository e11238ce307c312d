import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContracts } from '../../contracts/build.ts';
import { loadArtifact } from '../../contracts/deploy.ts';

const abiFile = resolve(import.meta.dirname, '../../contracts/abi/LoungePass.ts');

describe('buildContracts', () => {
  it('skips compiling when the artifacts match the sources', async () => {
    const first = await buildContracts({ quiet: true });
    const second = await buildContracts({ quiet: true });
    expect(second).toEqual({ ...first, compiled: false });
    expect(second.contractNames).toEqual([
      'LayoverForwarder',
      'LoungePass',
      'PartnerPass',
      'Prizes',
      'Stamps',
    ]);
    expect(second.sourceHash).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it('compiles on force and writes the artifact and the typed ABI', async () => {
    const result = await buildContracts({ quiet: true, force: true });
    expect(result.compiled).toBe(true);
    expect(result.solcVersion).toMatch(/^0\.8\.30\+commit/);

    const artifact = await loadArtifact('LoungePass');
    expect(artifact.sourceHash).toBe(result.sourceHash);
    expect(artifact.bytecode).toMatch(/^0x[0-9a-f]+$/);
    expect(artifact.deployedBytecode.length).toBeLessThan(artifact.bytecode.length);

    const abiSource = await readFile(abiFile, 'utf8');
    expect(abiSource).toContain('export const loungePassAbi = [');
    expect(abiSource).toContain("name: 'tierOf'");
    expect(abiSource.trimEnd().endsWith('] as const;')).toBe(true);
    // solc-js compiles five contracts in 25-33 s alone on 2 cores; next to other suites it needs more than 60 s.
  }, 150_000);
});
