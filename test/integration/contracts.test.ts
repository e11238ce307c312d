import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Address,
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loungePassAbi } from '../../contracts/abi/LoungePass.ts';
import { type Deployment, deployContracts } from '../../contracts/deploy.ts';
import { ANVIL_ACCOUNTS, type AnvilInstance, startAnvil } from '../../server/chain/anvil.ts';

const { deployer, admin, oracle } = ANVIL_ACCOUNTS;
// anvil's default account #3: a member who holds passes and pays for their own transfers.
const MEMBER_KEY = '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6';
const member = privateKeyToAccount(MEMBER_KEY);
const GOLD = 2;
const PLATINUM = 3;

const anvils: AnvilInstance[] = [];
let deploymentsDir: string;
let deployment: Deployment;

function clients(rpcUrl: string) {
  const publicClient = createPublicClient({ chain: foundry, transport: http(rpcUrl) });
  const wallet = (key: Hex) =>
    createWalletClient({ account: privateKeyToAccount(key), chain: foundry, transport: http(rpcUrl) });
  return { publicClient, wallet };
}

async function deployOn(
  anvil: AnvilInstance,
  minterAddress: Address = oracle.address,
  log?: (line: string) => void,
): Promise<Deployment> {
  return deployContracts({
    rpcUrl: anvil.rpcUrl,
    deployerKey: deployer.privateKey,
    adminAddress: admin.address,
    minterAddress,
    deploymentsDir,
    log,
  });
}

/** Runs a simulated call and returns the name of the custom error it reverted with. */
async function revertName(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
  } catch (error) {
    const reverted =
      error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : null;
    if (reverted instanceof ContractFunctionRevertedError) return reverted.data?.errorName;
    throw error;
  }
  throw new Error('expected the call to revert');
}

describe('LoungePass on anvil', () => {
  beforeAll(async () => {
    deploymentsDir = await mkdtemp(join(tmpdir(), 'layover-deployments-'));
    anvils.push(await startAnvil());
    deployment = await deployOn(anvils[0]!);
  });

  afterAll(async () => {
    await Promise.all(anvils.map((anvil) => anvil.stop()));
    if (deploymentsDir) await rm(deploymentsDir, { recursive: true, force: true });
  });

  it('lets the minter mint a Gold pass with sequential ids', async () => {
    const { publicClient, wallet } = clients(anvils[0]!.rpcUrl);
    const pass = { address: deployment.contracts.LoungePass, abi: loungePassAbi } as const;
    const { request, result } = await publicClient.simulateContract({
      ...pass,
      account: oracle.address,
      functionName: 'mint',
      args: [member.address, GOLD],
    });
    expect(result).toBe(1n);
    await publicClient.waitForTransactionReceipt({
      hash: await wallet(oracle.privateKey).writeContract(request),
    });

    expect(await publicClient.readContract({ ...pass, functionName: 'tierOf', args: [1n] })).toBe(GOLD);
    expect(await publicClient.readContract({ ...pass, functionName: 'ownerOf', args: [1n] })).toBe(
      member.address,
    );
    expect(
      await revertName(publicClient.readContract({ ...pass, functionName: 'tierOf', args: [99n] })),
    ).toBe('LoungePassNonexistentToken');
  });

  it('rejects mints from non-minters and of invalid tiers', async () => {
    const { publicClient } = clients(anvils[0]!.rpcUrl);
    const mint = (account: Address, tier: number) =>
      publicClient.simulateContract({
        address: deployment.contracts.LoungePass,
        abi: loungePassAbi,
        account,
        functionName: 'mint',
        args: [member.address, tier],
      });
    expect(await revertName(mint(member.address, GOLD))).toBe('AccessControlUnauthorizedAccount');
    expect(await revertName(mint(oracle.address, 0))).toBe('LoungePassInvalidTier');
    expect(await revertName(mint(oracle.address, 4))).toBe('LoungePassInvalidTier');
  });

  it('blocks transfers of a soulbound tier and allows the others', async () => {
    const { publicClient, wallet } = clients(anvils[0]!.rpcUrl);
    const pass = { address: deployment.contracts.LoungePass, abi: loungePassAbi } as const;
    const send = async (hash: Promise<Hex>) => publicClient.waitForTransactionReceipt({ hash: await hash });
    await send(
      wallet(admin.privateKey).writeContract({
        ...pass,
        functionName: 'setTierSoulbound',
        args: [PLATINUM, true],
      }),
    );
    await send(
      wallet(oracle.privateKey).writeContract({
        ...pass,
        functionName: 'mint',
        args: [member.address, PLATINUM],
      }),
    );

    const transfer = (tokenId: bigint) =>
      publicClient.simulateContract({
        ...pass,
        account: member.address,
        functionName: 'transferFrom',
        args: [member.address, admin.address, tokenId],
      });
    expect(await revertName(transfer(2n))).toBe('LoungePassSoulbound');

    const { request } = await transfer(1n);
    await send(wallet(MEMBER_KEY).writeContract(request));
    expect(await publicClient.readContract({ ...pass, functionName: 'ownerOf', args: [1n] })).toBe(
      admin.address,
    );
  });

  it('reuses the recorded deployment without sending a transaction', async () => {
    const { publicClient } = clients(anvils[0]!.rpcUrl);
    const nonceBefore = await publicClient.getTransactionCount({ address: deployer.address });
    const again = await deployOn(anvils[0]!);
    expect(again).toEqual(deployment);
    expect(await publicClient.getTransactionCount({ address: deployer.address })).toBe(nonceBefore);
  });

  it('redeploys on a fresh chain and when the wanted minter lacks the role', async () => {
    const fresh = await startAnvil();
    anvils.push(fresh);
    const { publicClient } = clients(fresh.rpcUrl);
    expect(await publicClient.getTransactionCount({ address: deployer.address })).toBe(0);

    const lines: string[] = [];
    const redeployed = await deployOn(fresh, oracle.address, (line) => lines.push(line));
    expect(await publicClient.getTransactionCount({ address: deployer.address })).toBe(4);
    for (const address of Object.values(redeployed.contracts)) {
      expect(await publicClient.getCode({ address })).toMatch(/^0x[0-9a-f]{100,}$/);
    }
    expect(redeployed.deployedAt).not.toBe(deployment.deployedAt);
    for (const name of ['Forwarder', 'LoungePass', 'Stamps', 'Prizes']) {
      expect(
        lines.some((l) => l.includes(`deployed ${name} at`) && /tx 0x[0-9a-f]{64}, gas \d+/.test(l)),
      ).toBe(true);
    }

    const withNewMinter = await deployOn(fresh, admin.address);
    expect(withNewMinter.contracts.LoungePass).not.toBe(redeployed.contracts.LoungePass);
    expect(withNewMinter.contracts.Prizes).not.toBe(redeployed.contracts.Prizes);
  });
});
