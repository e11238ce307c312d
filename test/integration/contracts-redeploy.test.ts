import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keccak256, toHex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Deployment, deployContracts } from '../../contracts/deploy.ts';
import { ANVIL_ACCOUNTS, type AnvilInstance, startAnvil } from '../../server/chain/anvil.ts';
import { chainClients } from '../support/contracts.ts';

// The one redeploy is explicit off the dev chain: a recorded contract that still has code is never replaced silently.
const { deployer, admin, oracle } = ANVIL_ACCOUNTS;
const OTHER_CHAIN = 5151;

let anvil: AnvilInstance;
let deploymentsDir: string;
let c: ReturnType<typeof chainClients>;

const deploy = (
  extra: { redeploy?: boolean; forwarderAddress?: `0x${string}`; log?: (line: string) => void } = {},
) =>
  deployContracts({
    rpcUrl: anvil.rpcUrl,
    deployerKey: deployer.privateKey,
    adminAddress: admin.address,
    minterAddress: oracle.address,
    deploymentsDir,
    ...extra,
  });
const recordFile = (chainId: number) => join(deploymentsDir, `${chainId}.json`);
/** Marks Prizes in the record as built from other sources, as a record of today's contracts looks after a pull. */
async function pretendPrizesChanged(chainId: number): Promise<Deployment> {
  const recorded: Deployment = JSON.parse(await readFile(recordFile(chainId), 'utf8'));
  recorded.bytecodeHashes.Prizes = keccak256(toHex('contracts of an older release'));
  await writeFile(recordFile(chainId), JSON.stringify(recorded));
  return recorded;
}

beforeAll(async () => {
  deploymentsDir = await mkdtemp(join(tmpdir(), 'layover-redeploy-'));
  anvil = await startAnvil();
  c = chainClients(anvil.rpcUrl);
});

afterAll(async () => {
  await anvil?.stop();
  if (deploymentsDir) await rm(deploymentsDir, { recursive: true, force: true });
});

describe('deployContracts with changed contracts', () => {
  it('redeploys a changed contract on the dev chain by itself', async () => {
    const first = await deploy();
    await pretendPrizesChanged(31337);
    const lines: string[] = [];
    const second = await deploy({ log: (line) => lines.push(line) });
    expect(second.contracts.Prizes).not.toBe(first.contracts.Prizes);
    expect(second.contracts.Forwarder).toBe(first.contracts.Forwarder);
    expect(second.contracts.LoungePass).toBe(first.contracts.LoungePass);
    expect(
      lines.some((l) => l.startsWith('contracts: replacing Prizes at') && l.includes('bytecode differs')),
    ).toBe(true);
  });

  it('refuses off the dev chain, sending nothing, until REDEPLOY_CONTRACTS is given', async () => {
    await c.publicClient.request({ method: 'anvil_setChainId', params: [OTHER_CHAIN] } as never);
    const first = await deploy();
    const recorded = await pretendPrizesChanged(OTHER_CHAIN);
    const nonce = await c.publicClient.getTransactionCount({ address: deployer.address });

    await expect(deploy()).rejects.toThrow(
      /Prizes at 0x[0-9a-fA-F]{40}: its bytecode differs[\s\S]*REDEPLOY_CONTRACTS=1/,
    );
    expect(await c.publicClient.getTransactionCount({ address: deployer.address })).toBe(nonce);
    expect(JSON.parse(await readFile(recordFile(OTHER_CHAIN), 'utf8'))).toEqual(recorded);

    const redeployed = await deploy({ redeploy: true });
    expect(redeployed.contracts.Prizes).not.toBe(first.contracts.Prizes);
    expect(redeployed.contracts.Stamps).toBe(first.contracts.Stamps);
    expect(await c.publicClient.getTransactionCount({ address: deployer.address })).toBe(nonce + 1);
  });

  it('refuses to move live contracts to another forwarder off the dev chain', async () => {
    const current: Deployment = JSON.parse(await readFile(recordFile(OTHER_CHAIN), 'utf8'));
    // Any contract with code stands in for "a forwarder already on this chain".
    const elsewhere = current.contracts.Stamps;
    await expect(deploy({ forwarderAddress: elsewhere })).rejects.toThrow(/trusts forwarder/);
    await expect(deploy({ forwarderAddress: '0x000000000000000000000000000000000000dEaD' })).rejects.toThrow(
      /FORWARDER_ADDRESS 0x000000000000000000000000000000000000dEaD has no code/,
    );
    const moved = await deploy({ forwarderAddress: elsewhere, redeploy: true });
    expect(moved.contracts.Forwarder).toBe(elsewhere);
    expect(moved.contracts.Prizes).not.toBe(current.contracts.Prizes);
  });
});
