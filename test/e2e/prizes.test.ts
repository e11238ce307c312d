import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type Address, createPublicClient, createTestClient, http } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import type { HealthResponse } from '../../shared/protocol/http.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import {
  enterAsGuest,
  finishFirstVisit,
  type LayoverWindow,
  OVERLOOK,
  settledScreenshot,
  WAIT,
  walkTo,
} from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const DOCS = join(import.meta.dirname, '../../docs');
const DAY_PASS_TOKEN = 1n;
const DAY_PASS = 'lounge-day-pass';
const WALLET_CARD = `holding-${DAY_PASS}-wallet`;
/** Minting waits for the oracle's batch and a confirmation: give it time on two busy cores. */
const DELIVERY = { timeout: 90_000 } as const;

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;

/**
 * Where the browser reaches the chain. The server's /health names no RPC yet, and its anvil runs on a free port
 * rather than the dev chain's default 8545, so the test adds the anvil URL to /health as the client would read it.
 */
async function pointBrowserAtAnvil(page: Page): Promise<void> {
  await page.route('**/health', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as HealthResponse & { rpcUrl?: string };
    await route.fulfill({
      response,
      json: { ...body, rpcUrl: body.rpcUrl ?? `http://127.0.0.1:${server!.anvilPort}` },
    });
  });
}

function chainClient() {
  return createPublicClient({ transport: http(`http://127.0.0.1:${server!.anvilPort}`) });
}

/** The member's ETH: a relayed redeem leaves it untouched (the relayer pays the gas). */
function ethBalance(owner: Address): Promise<bigint> {
  return chainClient().getBalance({ address: owner });
}

async function onChainBalance(owner: Address): Promise<bigint> {
  const health = (await (await fetch(`${server!.url}/health`)).json()) as HealthResponse;
  const client = createPublicClient({ transport: http(`http://127.0.0.1:${server!.anvilPort}`) });
  return client.readContract({
    address: health.contracts.Prizes as Address,
    abi: prizesAbi,
    functionName: 'balanceOf',
    args: [owner, DAY_PASS_TOKEN],
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-prizes-'));
  server = await spawnLayoverIn(dir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

describe('prizes in Chromium', () => {
  it('a guest wins a Day Pass, links the test wallet from the lounge, sees it arrive on chain, and redeems it without gas', {
    timeout: 420_000,
  }, async () => {
    const traveller = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    const friend = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await pointBrowserAtAnvil(traveller);
    await enterAsGuest(traveller, server!.url, 'Traveller');
    await enterAsGuest(friend, server!.url, 'Friend');

    await finishFirstVisit(traveller, friend);
    await traveller.getByText('Prize won: Lounge Day Pass').waitFor(WAIT);

    // A guest's prize is held for them by Layover until they keep their account.
    await walkTo(traveller, OVERLOOK);
    await traveller.getByTestId('open-passport').click();
    await traveller.getByTestId('passport-tab-prizes').click();
    const held = traveller.getByTestId(`holding-${DAY_PASS}-held`);
    await held.waitFor(WAIT);
    await expect(traveller.getByTestId(`holding-${DAY_PASS}-held-where`).textContent()).resolves.toContain(
      'Held by Layover for you',
    );

    // Link the local test wallet without leaving the lounge: the same member record, still in the room.
    const memberBefore = await traveller.evaluate(
      () => (window as unknown as LayoverWindow).__layover.getState().member,
    );
    await traveller.getByTestId('hud-connect-wallet').click();
    await traveller.getByTestId('link-test-wallet').waitFor(WAIT);
    await mkdir(ARTIFACTS, { recursive: true });
    await settledScreenshot(traveller, ARTIFACTS, 'wallet-link.png');
    // A modal dialog (the lounge's keys stop behind it: client/core/input/keyboard.ts behindModal) that axe passes.
    await expect(traveller.getByRole('dialog', { name: 'Sign in with a wallet' }).count()).resolves.toBe(1);
    expect(await axeViolations(traveller, '[data-testid="wallet-link-dialog"]')).toEqual([]);
    await traveller.getByTestId('link-test-wallet').click();
    await traveller.getByText('Wallet connected — your progress is kept.').waitFor(WAIT);
    const member = await traveller.evaluate(
      () => (window as unknown as LayoverWindow).__layover.getState().member,
    );
    expect(member?.id).toBe(memberBefore?.id);
    expect(member?.address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    const address = member!.address as Address;
    await traveller.getByTestId('hud-connect-wallet').waitFor({ state: 'detached', ...WAIT });
    // The new session's seat starts at the lounge's spawn point: step back to the overlook for the screenshot.
    await walkTo(traveller, OVERLOOK);

    // The oracle mints it to the new wallet: the card says "In your wallet 0x…", and the chain agrees.
    const card = traveller.getByTestId(WALLET_CARD);
    await card.waitFor(DELIVERY);
    await expect(traveller.getByTestId(`${WALLET_CARD}-where`).textContent()).resolves.toContain(
      `In your wallet ${address.slice(0, 6)}`,
    );
    await expect(onChainBalance(address)).resolves.toBe(1n);

    await traveller.getByTestId('stamp-celebration').waitFor({ state: 'detached', ...WAIT });
    await settledScreenshot(traveller, ARTIFACTS, 'prizes.png');
    await mkdir(DOCS, { recursive: true });
    await copyFile(join(ARTIFACTS, 'prizes.png'), join(DOCS, 'prizes.png'));

    // Gifting to an address checks it before anything is signed.
    await traveller.getByTestId(`${WALLET_CARD}-gift`).click();
    await traveller.getByTestId(`${WALLET_CARD}-gift-choice-address`).click();
    const recipient = traveller.getByTestId('gift-address');
    await recipient.fill('0x1234');
    await traveller.getByTestId('gift-send').click();
    await expect(traveller.getByTestId('gift-problem').textContent()).resolves.toContain(
      'not a wallet address',
    );
    await recipient.fill(address.toLowerCase());
    await traveller.getByTestId('gift-send').click();
    await expect(traveller.getByTestId('gift-problem').textContent()).resolves.toContain('your own wallet');
    await card.getByRole('button', { name: 'Cancel' }).click();

    // Redeem without gas: the tab signs the forwarder request with the test wallet's key, the relayer pays.
    const ethBefore = await ethBalance(address);
    await traveller.getByTestId(`${WALLET_CARD}-redeem`).click();
    await traveller.getByTestId(`${WALLET_CARD}-redeem-confirm`).click();
    const outcome = traveller.getByTestId(`${WALLET_CARD}-outcome`);
    await outcome.waitFor(DELIVERY);
    await expect(outcome.textContent()).resolves.toContain('Redeemed');
    await expect(onChainBalance(address)).resolves.toBe(0n);
    await expect(ethBalance(address)).resolves.toBe(ethBefore);

    // The indexer turns the on-chain redemption into a perk once it has a confirmation: the dev chain mines only on
    // transactions, so one more block is mined here, as any later transaction would.
    await createTestClient({ mode: 'anvil', transport: http(`http://127.0.0.1:${server!.anvilPort}`) }).mine({
      blocks: 2,
    });
    const perk = traveller.locator(`[data-prize="${DAY_PASS}"]`).first();
    await perk.waitFor(DELIVERY);
    await expect(perk.getAttribute('data-state')).resolves.toBe('ready');
    await settledScreenshot(traveller, ARTIFACTS, 'prizes-redeemed.png');
  });
});
