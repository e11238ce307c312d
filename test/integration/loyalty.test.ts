import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  keccak256,
  parseEventLogs,
  toHex,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import { stampsAbi } from '../../contracts/abi/Stamps.ts';
import { type Deployment, deployContracts } from '../../contracts/deploy.ts';
import { ANVIL_ACCOUNTS, type AnvilInstance, startAnvil } from '../../server/chain/anvil.ts';

const { deployer, admin, oracle } = ANVIL_ACCOUNTS;
// anvil's default account #3: a member who submits their own voucher and pays its gas.
const MEMBER_KEY = '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6';
const member = privateKeyToAccount(MEMBER_KEY);
const PRIZE = 5n;

let anvil: AnvilInstance;
let deploymentsDir: string;
let deployment: Deployment;

const wallet = (key: Hex) =>
  createWalletClient({ account: privateKeyToAccount(key), chain: foundry, transport: http(anvil.rpcUrl) });

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

// The server's side of the contracts: viem signs vouchers, batches mints and reads redemptions from logs.
describe('Stamps and Prizes on anvil', () => {
  beforeAll(async () => {
    anvil = await startAnvil();
    deploymentsDir = await mkdtemp(join(tmpdir(), 'layover-loyalty-'));
    deployment = await deployContracts({
      rpcUrl: anvil.rpcUrl,
      deployerKey: deployer.privateKey,
      adminAddress: admin.address,
      deploymentsDir,
    });
  });

  afterAll(async () => {
    await anvil?.stop();
    if (deploymentsDir) await rm(deploymentsDir, { recursive: true, force: true });
  });

  it('gives the brand the admin role and the oracle the minter role, never both', async () => {
    const client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) });
    for (const address of [deployment.contracts.Prizes, deployment.contracts.Stamps]) {
      const contract = { address, abi: prizesAbi, functionName: 'hasRole' } as const;
      const minterRole = keccak256(toHex('MINTER_ROLE'));
      const adminRole = `0x${'0'.repeat(64)}` as const;
      expect(await client.readContract({ ...contract, args: [minterRole, oracle.address] })).toBe(true);
      expect(await client.readContract({ ...contract, args: [adminRole, admin.address] })).toBe(true);
      expect(await client.readContract({ ...contract, args: [adminRole, oracle.address] })).toBe(false);
      expect(await client.readContract({ ...contract, args: [minterRole, admin.address] })).toBe(false);
    }
  });

  it('mints a voucher signed with viem once, then redeems it with an event', async () => {
    const client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) });
    const prizes = { address: deployment.contracts.Prizes, abi: prizesAbi } as const;
    const send = async (hash: Promise<Hex>) => client.waitForTransactionReceipt({ hash: await hash });
    await send(
      wallet(admin.privateKey).writeContract({
        ...prizes,
        functionName: 'addPrize',
        args: [PRIZE, 10n, 1, true],
      }),
    );

    const claimId = keccak256(toHex('claim:voucher:1'));
    const deadline = BigInt(Math.floor(Date.now() / 1000) + 3600);
    const signature = await wallet(oracle.privateKey).signTypedData({
      domain: {
        name: 'Layover Prizes',
        version: '1',
        chainId: anvil.chainId,
        verifyingContract: prizes.address,
      },
      types: {
        PrizeVoucher: [
          { name: 'to', type: 'address' },
          { name: 'prizeId', type: 'uint256' },
          { name: 'claimId', type: 'bytes32' },
          { name: 'deadline', type: 'uint256' },
        ],
      },
      primaryType: 'PrizeVoucher',
      message: { to: member.address, prizeId: PRIZE, claimId, deadline },
    });
    const args = [member.address, PRIZE, claimId, deadline, signature] as const;
    await send(wallet(MEMBER_KEY).writeContract({ ...prizes, functionName: 'mintWithVoucher', args }));
    expect(await client.readContract({ ...prizes, functionName: 'claimed', args: [claimId] })).toBe(true);
    expect(
      await revertName(
        client.simulateContract({
          ...prizes,
          account: member.address,
          functionName: 'mintWithVoucher',
          args,
        }),
      ),
    ).toBe('PrizesAlreadyClaimed');

    const receipt = await send(
      wallet(MEMBER_KEY).writeContract({ ...prizes, functionName: 'redeem', args: [PRIZE, 1n] }),
    );
    const [redeemed] = parseEventLogs({ abi: prizesAbi, logs: receipt.logs, eventName: 'PrizeRedeemed' });
    expect(redeemed?.args).toEqual({ member: member.address, prizeId: PRIZE, amount: 1n });
  });

  it('batch-mints stamps that refuse to move', async () => {
    const client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) });
    const stamps = { address: deployment.contracts.Stamps, abi: stampsAbi } as const;
    const hash = await wallet(oracle.privateKey).writeContract({
      ...stamps,
      functionName: 'mintStamps',
      args: [
        [member.address, member.address, admin.address],
        [1n, 2n, 1n],
        [1n, 2n, 3n].map((n) => `0x${n.toString(16).padStart(64, '0')}` as const),
      ],
    });
    const receipt = await client.waitForTransactionReceipt({ hash });
    const locked = parseEventLogs({ abi: stampsAbi, logs: receipt.logs, eventName: 'Locked' });
    expect(locked.map((log) => log.args.tokenId)).toEqual([1n, 2n]);
    expect(
      await revertName(
        client.simulateContract({
          ...stamps,
          account: member.address,
          functionName: 'safeTransferFrom',
          args: [member.address, admin.address, 1n, 1n, '0x'],
        }),
      ),
    ).toBe('StampsSoulbound');
  });
});
