import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Address, concat, encodeFunctionData, type Hex, pad, parseEventLogs, toHex } from 'viem';
import { generatePrivateKey, type LocalAccount, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoverForwarderAbi } from '../../contracts/abi/LayoverForwarder.ts';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import { type Deployment, deployContracts } from '../../contracts/deploy.ts';
import { ANVIL_ACCOUNTS, type AnvilInstance, startAnvil } from '../../server/chain/anvil.ts';
import { chainClients, mined, revertOf, signForwardRequest } from '../support/contracts.ts';

// Members act through LayoverForwarder (ERC-2771) without ETH: the relayer pays, the contracts see the signer.
const { deployer, admin, oracle, faucet: attacker } = ANVIL_ACCOUNTS;
const relayer = deployer;
const PRIZE = 1n;
const member = privateKeyToAccount(generatePrivateKey());
const friend = privateKeyToAccount(generatePrivateKey()).address;

let anvil: AnvilInstance;
let deploymentsDir: string;
let deployment: Deployment;
let c: ReturnType<typeof chainClients>;
let claimSeq = 0;

const prizes = () => ({ address: deployment.contracts.Prizes, abi: prizesAbi }) as const;
const forwarder = () => ({ address: deployment.contracts.Forwarder, abi: layoverForwarderAbi }) as const;
const balance = (who: Address) =>
  c.publicClient.readContract({ ...prizes(), functionName: 'balanceOf', args: [who, PRIZE] });

/** The member signs a ForwardRequest for `data` on Prizes; `signer` lets a test forge one. */
const signedRequest = (data: Hex, signer: LocalAccount = member) =>
  signForwardRequest({
    client: c.publicClient,
    forwarder: deployment.contracts.Forwarder,
    signer,
    from: member.address,
    to: deployment.contracts.Prizes,
    data,
  });

const relay = (request: Awaited<ReturnType<typeof signedRequest>>) =>
  mined(
    c.publicClient,
    c.wallet(relayer.privateKey).writeContract({ ...forwarder(), functionName: 'execute', args: [request] }),
  );

beforeAll(async () => {
  deploymentsDir = await mkdtemp(join(tmpdir(), 'layover-relay-'));
  anvil = await startAnvil();
  c = chainClients(anvil.rpcUrl);
  deployment = await deployContracts({
    rpcUrl: anvil.rpcUrl,
    deployerKey: deployer.privateKey,
    adminAddress: admin.address,
    minterAddress: oracle.address,
    deploymentsDir,
  });
  await mined(
    c.publicClient,
    c
      .wallet(admin.privateKey)
      .writeContract({ ...prizes(), functionName: 'addPrize', args: [PRIZE, 100n, 0, false] }),
  );
  for (let i = 0; i < 3; i++) {
    const claimId = pad(toHex(++claimSeq), { size: 32 });
    await mined(
      c.publicClient,
      c.wallet(oracle.privateKey).writeContract({
        ...prizes(),
        functionName: 'mintPrize',
        args: [member.address, PRIZE, claimId],
      }),
    );
  }
});

afterAll(async () => {
  await anvil?.stop();
  if (deploymentsDir) await rm(deploymentsDir, { recursive: true, force: true });
});

describe('relayed member actions through LayoverForwarder', () => {
  it('trusts the deployed forwarder on every token contract', async () => {
    for (const name of ['Prizes', 'Stamps', 'LoungePass'] as const) {
      const trusted = await c.publicClient.readContract({
        address: deployment.contracts[name],
        abi: prizesAbi,
        functionName: 'trustedForwarder',
      });
      expect(trusted).toBe(deployment.contracts.Forwarder);
    }
  });

  it('redeems for a member without ETH: their balance burns and PrizeRedeemed names them', async () => {
    expect(await c.publicClient.getBalance({ address: member.address })).toBe(0n);
    const data = encodeFunctionData({ abi: prizesAbi, functionName: 'redeem', args: [PRIZE, 1n] });
    const receipt = await relay(await signedRequest(data));

    expect(await balance(member.address)).toBe(2n);
    const [redeemed] = parseEventLogs({ abi: prizesAbi, eventName: 'PrizeRedeemed', logs: receipt.logs });
    expect(redeemed?.args).toEqual({ member: member.address, prizeId: PRIZE, amount: 1n });
    expect(receipt.from.toLowerCase()).toBe(relayer.address.toLowerCase());
    expect(await c.publicClient.getBalance({ address: member.address })).toBe(0n);
  });

  it('gifts for a member without ETH with safeTransferFrom signed by the member', async () => {
    const data = encodeFunctionData({
      abi: prizesAbi,
      functionName: 'safeTransferFrom',
      args: [member.address, friend, PRIZE, 1n, '0x'],
    });
    await relay(await signedRequest(data));
    expect(await balance(member.address)).toBe(1n);
    expect(await balance(friend)).toBe(1n);
  });

  it('refuses a replayed request and one signed by someone else for the member', async () => {
    const data = encodeFunctionData({ abi: prizesAbi, functionName: 'redeem', args: [PRIZE, 1n] });
    const request = await signedRequest(data);
    await relay(request);
    const replay = c.publicClient.simulateContract({
      ...forwarder(),
      account: relayer.address,
      functionName: 'execute',
      args: [request],
    });
    expect((await revertOf(replay)).errorName).toBe('ERC2771ForwarderInvalidSigner');

    const forged = await signedRequest(data, privateKeyToAccount(attacker.privateKey));
    const spoof = c.publicClient.simulateContract({
      ...forwarder(),
      account: relayer.address,
      functionName: 'execute',
      args: [forged],
    });
    expect((await revertOf(spoof)).errorName).toBe('ERC2771ForwarderInvalidSigner');
    expect(await balance(member.address)).toBe(0n);
  });

  it('ignores a sender appended to a direct call from anyone but the forwarder', async () => {
    const redeem = encodeFunctionData({ abi: prizesAbi, functionName: 'redeem', args: [PRIZE, 1n] });
    const direct = c.publicClient.call({
      account: attacker.address,
      to: deployment.contracts.Prizes,
      data: concat([redeem, friend]),
    });
    const burn = await revertOf(direct, prizesAbi);
    expect(burn.errorName).toBe('ERC1155InsufficientBalance');
    expect(burn.args?.[0]).toBe(attacker.address);

    const transfer = encodeFunctionData({
      abi: prizesAbi,
      functionName: 'safeTransferFrom',
      args: [friend, attacker.address, PRIZE, 1n, '0x'],
    });
    const steal = await revertOf(
      c.publicClient.call({
        account: attacker.address,
        to: deployment.contracts.Prizes,
        data: concat([transfer, friend]),
      }),
      prizesAbi,
    );
    expect(steal.errorName).toBe('ERC1155MissingApprovalForAll');
    expect(steal.args).toEqual([attacker.address, friend]);
    expect(await balance(friend)).toBe(1n);
  });
});
