import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type Address, createPublicClient, http } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import type { HealthResponse } from '../../shared/protocol/http.ts';
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
  it('a guest wins a Day Pass, links the test wallet from the lounge, sees it arrive on chain, and redeems it', {
    timeout: 420_000,
  }, async () => {
    const traveller = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    const friend = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await pointBrowserAtAnvil(traveller);
    await enterAsGuest(traveller, server!.url, 'Traveller');
    await enterAsGuest(friend, server!.url, 'Friend');

    await finishFirstVisit(traveller, friend);
    await traveller.getByText('Prize won: Lounge Day Pass').waitFor(WAIT);

    // A guest's prize waits in custody.
    await walkTo(traveller, OVERLOOK);
    await traveller.getByTestId('open-passport').click();
    await traveller.getByTestId('passport-tab-prizes').click();
    const prize = traveller.getByTestId('prize-lounge-day-pass');
    await expect.poll(() => prize.getAttribute('data-state'), WAIT).toBe('held');
    await expect(prize.textContent()).resolves.toContain('Held for you');

    // Link the local test wallet without leaving the lounge: the same member record, still in the room.
    const memberBefore = await traveller.evaluate(
      () => (window as unknown as LayoverWindow).__layover.getState().member,
    );
    await traveller.getByTestId('hud-connect-wallet').click();
    await traveller.getByTestId('link-test-wallet').waitFor(WAIT);
    await mkdir(ARTIFACTS, { recursive: true });
    await settledScreenshot(traveller, ARTIFACTS, 'wallet-link.png');
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

    // The oracle mints it to the new wallet: "in your wallet", with the whole transaction hash on hover.
    await expect.poll(() => prize.getAttribute('data-state'), DELIVERY).toBe('delivered');
    await expect(prize.textContent()).resolves.toContain('In your wallet');
    const tx = prize.locator('[data-testid^="prize-chain-"][data-testid$="-tx"]');
    await expect(tx.getAttribute('title')).resolves.toMatch(/^0x[0-9a-f]{64}$/);

    // wagmi reads the balance from the chain in the browser; the chain agrees.
    const balance = prize.locator('[data-testid^="prize-balance-"]');
    await expect.poll(() => balance.getAttribute('data-balance'), WAIT).toBe('1');
    await expect(balance.textContent()).resolves.toBe('In your wallet: 1');
    await expect(onChainBalance(address)).resolves.toBe(1n);

    await traveller.getByTestId('stamp-celebration').waitFor({ state: 'detached', ...WAIT });
    await settledScreenshot(traveller, ARTIFACTS, 'prizes.png');
    await mkdir(DOCS, { recursive: true });
    await copyFile(join(ARTIFACTS, 'prizes.png'), join(DOCS, 'prizes.png'));

    // Gifting checks the address before anything is signed.
    await prize.locator('[data-testid^="prize-gift-"]').click();
    const recipient = traveller.getByTestId('gift-address');
    await recipient.fill('0x1234');
    await traveller.getByTestId('gift-send').click();
    await expect(traveller.getByTestId('gift-problem').textContent()).resolves.toContain(
      'not a wallet address',
    );
    await recipient.fill(address.toLowerCase());
    await traveller.getByTestId('gift-send').click();
    await expect(traveller.getByTestId('gift-problem').textContent()).resolves.toContain('your own wallet');
    await prize.getByRole('button', { name: 'Cancel' }).click();

    // Redeem: signed in the browser with the test wallet's key, burned on chain, perk shown as redeemed.
    await prize.locator('[data-testid^="prize-redeem-"]').first().click();
    await prize.locator('[data-testid^="prize-redeem-confirm-"]').click();
    const outcome = prize.locator('[data-testid^="prize-outcome-"][data-outcome="redeemed"]');
    await outcome.waitFor(DELIVERY);
    await expect(outcome.textContent()).resolves.toContain('Redeemed: One day in a partner airport lounge.');
    await expect(
      prize
        .getByTestId(/^prize-chain-/)
        .first()
        .textContent(),
    ).resolves.toContain('Redeemed');
    await expect.poll(() => balance.getAttribute('data-balance'), WAIT).toBe('0');
    await expect(onChainBalance(address)).resolves.toBe(0n);
    await expect(prize.locator('[data-testid^="prize-redeem-"]').count()).resolves.toBe(0);
    await settledScreenshot(traveller, ARTIFACTS, 'prizes-redeemed.png');
  });
});
