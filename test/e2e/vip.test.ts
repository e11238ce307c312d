import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createPublicClient, createWalletClient, type Hex, http, keccak256, toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loungePassAbi } from '../../contracts/abi/LoungePass.ts';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import { ANVIL_ACCOUNTS } from '../../server/chain/anvil.ts';
import { prizes } from '../../shared/content/prizes.ts';
import type { HealthResponse, TestWalletResponse } from '../../shared/protocol/http.ts';
import { launchChromium } from '../support/browser.ts';
import {
  enterAsGuest,
  enterWithTestWallet,
  type LayoverWindow,
  roomOf,
  settledScreenshot,
  walkTo,
} from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
/** In front of the VIP door, inside its zone (x 18.2, z 1, radius 2). */
const AT_VIP_DOOR = { x: 17.5, z: 1 } as const;
/** A first leg that clears the east lounge chairs and the east pillar from anywhere around the spawn. */
const WAYPOINT = { x: 8, z: 3.5 } as const;

/** Anvil's account 9: nothing in Layover sends from it, so it can mint a prize without racing the oracle's nonces. */
const OUTSIDE_MINTER = '0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6' as Hex;

/** Where a pass goes when its holder sends it away. */
const ELSEWHERE = '0x000000000000000000000000000000000000dEaD';

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;

async function walkToVipDoor(page: Page): Promise<void> {
  await walkTo(page, WAYPOINT);
  await walkTo(page, AT_VIP_DOOR);
}

async function goThroughVipDoor(page: Page): Promise<void> {
  await walkToVipDoor(page);
  const prompt = page.getByTestId('vip-door-enter');
  await prompt.waitFor({ state: 'visible', timeout: 10_000 });
  await prompt.click();
  await page.waitForFunction(() => (window as unknown as LayoverWindow).__layover.room() === 'vip', null, {
    timeout: 30_000,
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-vip-'));
  server = await spawnLayoverIn(dir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

/** The Gold Pass prize, minted on chain to `to` by an account the admin makes a minter for it. */
async function mintGoldPassPrize(to: `0x${string}`): Promise<void> {
  const health = (await (await fetch(`${server!.url}/health`)).json()) as HealthResponse;
  const address = health.contracts.Prizes;
  expect(address).toBeDefined();
  const transport = http(`http://127.0.0.1:${server!.anvilPort}`);
  const chain = createPublicClient({ chain: foundry, transport });
  const admin = createWalletClient({
    account: privateKeyToAccount(ANVIL_ACCOUNTS.deployer.privateKey),
    chain: foundry,
    transport,
  });
  const minter = createWalletClient({
    account: privateKeyToAccount(OUTSIDE_MINTER),
    chain: foundry,
    transport,
  });
  const role = await chain.readContract({ address: address!, abi: prizesAbi, functionName: 'MINTER_ROLE' });
  await chain.waitForTransactionReceipt({
    hash: await admin.writeContract({
      address: address!,
      abi: prizesAbi,
      functionName: 'grantRole',
      args: [role, minter.account.address],
    }),
  });
  const goldPass = prizes.find((prize) => prize.id === 'gold-pass');
  const receipt = await chain.waitForTransactionReceipt({
    hash: await minter.writeContract({
      address: address!,
      abi: prizesAbi,
      functionName: 'mintPrize',
      args: [to, BigInt(goldPass!.tokenId), keccak256(toHex(`e2e gold pass ${to}`))],
    }),
  });
  expect(receipt.status).toBe('success');
}

describe('the VIP door in Chromium', () => {
  it('lets a Gold Pass holder (local test wallet) through into the VIP lounge and back', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await enterWithTestWallet(page, server!.url, 'Gold Member');
    expect(await roomOf(page)).toBe('lounge');

    await walkToVipDoor(page);
    expect(await page.getByTestId('vip-door-enter').textContent()).toBe('Enter the VIP lounge');
    await goThroughVipDoor(page);
    await page.getByTestId('vip-back').waitFor({ state: 'visible', timeout: 10_000 });
    await page.getByTestId('room-badge').waitFor({ state: 'visible' });
    // The picture once the re-themed scenery is drawn (the lounge draws 41 calls; avatars and sky alone about 4).
    await page.waitForFunction(
      () => ((window as unknown as LayoverWindow).__layover.renderer()?.calls ?? 0) >= 20,
      null,
      { polling: 250, timeout: 60_000 },
    );
    await mkdir(ARTIFACTS, { recursive: true });
    await settledScreenshot(page, ARTIFACTS, 'vip.png');

    await page.getByTestId('vip-back').click();
    await page.waitForFunction(
      () => (window as unknown as LayoverWindow).__layover.room() === 'lounge',
      null,
      {
        timeout: 30_000,
      },
    );
    await page.close();
  });

  it('turns a guest away with the gate message, a wallet call to action, and keeps them in the lounge', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await enterAsGuest(page, server!.url, 'Curious Guest');
    const seat = await page.evaluate(() => (window as unknown as LayoverWindow).__layover.self());

    await walkToVipDoor(page);
    const prompt = page.getByTestId('vip-door-enter');
    await prompt.waitFor({ state: 'visible', timeout: 10_000 });
    await prompt.click();

    const notice = page.getByTestId('gate-notice');
    await notice.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await notice.textContent()).toContain(
      'The VIP lounge is for Gold Pass holders and above. Sign in with a wallet that holds one, or earn Gold by finishing the Frequent Flyer journey.',
    );
    await page.getByTestId('gate-connect-wallet').waitFor({ state: 'visible' });
    expect(await roomOf(page)).toBe('lounge');
    // Never left: the same seat, not a rejoin.
    expect(await page.evaluate(() => (window as unknown as LayoverWindow).__layover.self())).toBe(seat);
    await page.close();
  });

  it('turns a VIP holder without the partner pass away from the partner suite, with the suite message', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await enterWithTestWallet(page, server!.url, 'Suite Hopeful');
    // Around the west lounge chairs and the bar to the suite door on the west wall.
    await walkTo(page, { x: -11, z: 4 });
    await walkTo(page, { x: -11, z: -4 });
    await walkTo(page, { x: -17.4, z: -4 });
    const prompt = page.getByTestId('suite-door-enter');
    await prompt.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await prompt.textContent()).toBe('Enter the partner suite');
    await prompt.click();
    const notice = page.getByTestId('gate-notice');
    await notice.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await notice.textContent()).toContain("The partner suite is for holders of our partner's pass.");
    expect(await roomOf(page)).toBe('lounge');
    await page.close();
  });

  it('walks a member who sends the pass away back to the main lounge, saying why', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    const issued = page.waitForResponse((response) => response.url().endsWith('/auth/test-wallet'));
    await enterWithTestWallet(page, server!.url, 'Pass Seller');
    const wallet = (await (await issued).json()) as TestWalletResponse;
    await goThroughVipDoor(page);

    const health = (await (await fetch(`${server!.url}/health`)).json()) as HealthResponse;
    const loungePass = health.contracts.LoungePass;
    expect(loungePass).toBeDefined();
    const holder = createWalletClient({
      account: privateKeyToAccount(wallet.privateKey),
      chain: foundry,
      transport: http(`http://127.0.0.1:${server!.anvilPort}`),
    });
    await holder.writeContract({
      address: loungePass!,
      abi: loungePassAbi,
      functionName: 'transferFrom',
      args: [wallet.address, ELSEWHERE, BigInt(wallet.passTokenId)],
    });

    await page.waitForFunction(
      () => (window as unknown as LayoverWindow).__layover.room() === 'lounge',
      null,
      { timeout: 30_000 },
    );
    await page
      .getByText('Your pass has left your wallet, so you were walked back to the main lounge.')
      .waitFor({ state: 'visible', timeout: 5_000 });
    expect(
      await page.evaluate(() => (window as unknown as LayoverWindow).__layover.getState().vipAccess),
    ).toBe(false);
    await page.close();
  });

  it('lets a Gold Pass prize holder with no LoungePass through the VIP door', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    const issued = page.waitForResponse((response) => response.url().endsWith('/auth/test-wallet'));
    await enterWithTestWallet(page, server!.url, 'Prize Winner');
    const wallet = (await (await issued).json()) as TestWalletResponse;
    // The dev LoungePass goes away first: only the Gold Pass prize (Prizes, ERC-1155) can open the door.
    const health = (await (await fetch(`${server!.url}/health`)).json()) as HealthResponse;
    const holder = createWalletClient({
      account: privateKeyToAccount(wallet.privateKey),
      chain: foundry,
      transport: http(`http://127.0.0.1:${server!.anvilPort}`),
    });
    await createPublicClient({
      chain: foundry,
      transport: http(`http://127.0.0.1:${server!.anvilPort}`),
    }).waitForTransactionReceipt({
      hash: await holder.writeContract({
        address: health.contracts.LoungePass!,
        abi: loungePassAbi,
        functionName: 'transferFrom',
        args: [wallet.address, ELSEWHERE, BigInt(wallet.passTokenId)],
      }),
    });
    await mintGoldPassPrize(wallet.address);

    await goThroughVipDoor(page);
    await page.getByTestId('vip-back').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await roomOf(page)).toBe('vip');
    await page.close();
  });
});
