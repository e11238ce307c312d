import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEventLogs } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loungePassAbi } from '../../contracts/abi/LoungePass.ts';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import { stampsAbi } from '../../contracts/abi/Stamps.ts';
import { type Deployment, deployContracts } from '../../contracts/deploy.ts';
import { ANVIL_ACCOUNTS, type AnvilInstance, startAnvil } from '../../server/chain/anvil.ts';
import { chainClients, mined, revertName } from '../support/contracts.ts';

// LoungePass tier changes (the oracle's pass upgrades) and ERC-7572 contract metadata on the redeployed contracts.
const { deployer, admin, oracle, faucet } = ANVIL_ACCOUNTS;
const ORIGIN = 'https://lounge.example';
const [SILVER, GOLD, PLATINUM] = [1, 2, 3];
const holder = privateKeyToAccount(generatePrivateKey()).address;

let anvil: AnvilInstance;
let deploymentsDir: string;
let deployment: Deployment;
let c: ReturnType<typeof chainClients>;

const pass = () => ({ address: deployment.contracts.LoungePass, abi: loungePassAbi }) as const;
const setTier = (account: `0x${string}`, tokenId: bigint, tier: number) =>
  c.publicClient.simulateContract({ ...pass(), account, functionName: 'setTier', args: [tokenId, tier] });

beforeAll(async () => {
  deploymentsDir = await mkdtemp(join(tmpdir(), 'layover-tiers-'));
  anvil = await startAnvil();
  c = chainClients(anvil.rpcUrl);
  deployment = await deployContracts({
    rpcUrl: anvil.rpcUrl,
    deployerKey: deployer.privateKey,
    adminAddress: admin.address,
    minterAddress: oracle.address,
    baseUri: `${ORIGIN}/metadata/pass/`,
    deploymentsDir,
  });
  await mined(
    c.publicClient,
    c.wallet(oracle.privateKey).writeContract({ ...pass(), functionName: 'mint', args: [holder, SILVER] }),
  );
});

afterAll(async () => {
  await anvil?.stop();
  if (deploymentsDir) await rm(deploymentsDir, { recursive: true, force: true });
});

describe('LoungePass.setTier', () => {
  it('lets only the minter change a tier, and emits TierChanged after the change', async () => {
    expect(await revertName(setTier(admin.address, 1n, GOLD))).toBe('AccessControlUnauthorizedAccount');
    expect(await revertName(setTier(faucet.address, 1n, GOLD))).toBe('AccessControlUnauthorizedAccount');

    const { request } = await setTier(oracle.address, 1n, GOLD);
    const receipt = await mined(c.publicClient, c.wallet(oracle.privateKey).writeContract(request));
    const [changed] = parseEventLogs({ abi: loungePassAbi, eventName: 'TierChanged', logs: receipt.logs });
    expect(changed?.args).toEqual({ tokenId: 1n, fromTier: SILVER, toTier: GOLD });
    expect(await c.publicClient.readContract({ ...pass(), functionName: 'tierOf', args: [1n] })).toBe(GOLD);

    // A resent call for the tier the pass already has succeeds without an event.
    const again = await setTier(oracle.address, 1n, GOLD);
    const quiet = await mined(c.publicClient, c.wallet(oracle.privateKey).writeContract(again.request));
    expect(parseEventLogs({ abi: loungePassAbi, eventName: 'TierChanged', logs: quiet.logs })).toEqual([]);
  });

  it('refuses an unknown token and an invalid tier', async () => {
    expect(await revertName(setTier(oracle.address, 99n, GOLD))).toBe('LoungePassNonexistentToken');
    expect(await revertName(setTier(oracle.address, 1n, 0))).toBe('LoungePassInvalidTier');
    expect(await revertName(setTier(oracle.address, 1n, 4))).toBe('LoungePassInvalidTier');
  });

  it('applies the soulbound rule of the new tier', async () => {
    await mined(
      c.publicClient,
      c
        .wallet(admin.privateKey)
        .writeContract({ ...pass(), functionName: 'setTierSoulbound', args: [PLATINUM, true] }),
    );
    await mined(
      c.publicClient,
      c.wallet(oracle.privateKey).writeContract((await setTier(oracle.address, 1n, PLATINUM)).request),
    );
    const transfer = () =>
      c.publicClient.simulateContract({
        ...pass(),
        account: holder,
        functionName: 'transferFrom',
        args: [holder, faucet.address, 1n],
      });
    expect(await revertName(transfer())).toBe('LoungePassSoulbound');
    await mined(
      c.publicClient,
      c.wallet(oracle.privateKey).writeContract((await setTier(oracle.address, 1n, GOLD)).request),
    );
    await expect(transfer()).resolves.toBeDefined();
  });
});

describe('ERC-7572 contractURI', () => {
  const contracts = [
    ['Prizes', prizesAbi, 'prizes'],
    ['Stamps', stampsAbi, 'stamps'],
    ['LoungePass', loungePassAbi, 'loungepass'],
  ] as const;

  it('points each contract at <origin>/metadata/contract/<name> and shows the pass base URI', async () => {
    for (const [name, abi, slug] of contracts) {
      const uri = await c.publicClient.readContract({
        address: deployment.contracts[name],
        abi,
        functionName: 'contractURI',
      });
      expect(uri).toBe(`${ORIGIN}/metadata/contract/${slug}`);
    }
    expect(await c.publicClient.readContract({ ...pass(), functionName: 'baseURI' })).toBe(
      `${ORIGIN}/metadata/pass/`,
    );
  });

  it('lets only the admin set it, announcing ContractURIUpdated', async () => {
    for (const [name, abi, slug] of contracts) {
      const address = deployment.contracts[name];
      const next = `https://cdn.example/${slug}.json`;
      const set = (account: `0x${string}`) =>
        c.publicClient.simulateContract({
          address,
          abi,
          account,
          functionName: 'setContractURI',
          args: [next],
        });
      expect(await revertName(set(oracle.address))).toBe('AccessControlUnauthorizedAccount');
      expect(await revertName(set(deployer.address))).toBe('AccessControlUnauthorizedAccount');
      const receipt = await mined(
        c.publicClient,
        c.wallet(admin.privateKey).writeContract((await set(admin.address)).request),
      );
      expect(parseEventLogs({ abi, eventName: 'ContractURIUpdated', logs: receipt.logs })).toHaveLength(1);
      expect(await c.publicClient.readContract({ address, abi, functionName: 'contractURI' })).toBe(next);
    }
  });
});
