import { describe, expect, it } from 'vitest';
import { runForgeTests } from '../forge/run.ts';

// Forge fuzz and invariant suites in test/forge, compiled by solc-js; `npm run test:contracts:deep` runs 10,000.
describe('forge fuzz and invariant tests', () => {
  it('passes every property of Stamps and Prizes', async () => {
    const { code, output } = await runForgeTests();
    if (code !== 0) throw new Error(`forge test failed (exit ${code}):\n${output.slice(-8_000)}`);
    expect(output).toMatch(/invariant_MintedSupplyEqualsClaimedIds\(\) \(runs: \d+/);
    expect(output).toMatch(/invariant_LockedTokensNeverMove\(\) \(runs: \d+/);
    expect(output).not.toContain('[FAIL');
  }, 120_000);
});
