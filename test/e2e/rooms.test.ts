import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createPublicClient, createWalletClient, http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerPassAbi } from '../../contracts/abi/PartnerPass.ts';
import { ANVIL_ACCOUNTS } from '../../server/chain/anvil.ts';
import type { HealthResponse } from '../../shared/protocol/http.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { eventStartedNow, scheduleAsPageHost } from '../support/event-bots.ts';
import {
  enterAsGuest,
  enterWithTestWallet,
  type LayoverWindow,
  settledScreenshot,
  shown,
  walkTo,
} from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

// The VIP lounge, the partner suite and the event hall in Chromium, each in its own plan: the drink perk at the VIP
// bar, the suite's brand wall and quiet room, the hall's lit stage faced on arrival; screenshots for docs/.

const DOCS = join(import.meta.dirname, '..', '..', 'docs');
/** The software profile's budget for one room (README: Rendering). */
const MAX_CALLS = 60;

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-rooms-'));
  server = await spawnLayoverIn(dir);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

type Self = { x: number; z: number; heading: number };

function self(page: Page): Promise<Self | undefined> {
  return page.evaluate(() => {
    const hooks = (window as unknown as LayoverWindow).__layover;
    const id = hooks.self();
    return (hooks.poses() as unknown as (Self & { sessionId: string })[]).find(
      (pose) => pose.sessionId === id,
    );
  });
}

/** Waits for the room's scenery to be drawn, then answers the draw calls of its frame. */
async function drawn(page: Page, room: string): Promise<number> {
  await page.waitForFunction((name) => (window as unknown as LayoverWindow).__layover.room() === name, room, {
    polling: 250,
    timeout: 60_000,
  });
  await page.waitForFunction(
    () => ((window as unknown as LayoverWindow).__layover.renderer()?.calls ?? 0) >= 20,
    null,
    { polling: 250, timeout: 60_000 },
  );
  const calls = await page.evaluate(
    () => (window as unknown as LayoverWindow).__layover.renderer()?.calls ?? 0,
  );
  console.log(`rooms: ${room} draws ${calls} calls`);
  return calls;
}

/** Through a gated door of the lounge: walk to it, press its prompt, wait to be seated inside. */
async function enterRoom(page: Page, path: { x: number; z: number }[], door: string, room: string) {
  for (const point of path) await walkTo(page, point);
  await shown(page, door);
  await page.getByTestId(door).press('Enter');
  return drawn(page, room);
}

/** Mints the dev PartnerPass to `to`, from the partner brand's account that owns it. */
async function mintPartnerPass(to: `0x${string}`): Promise<void> {
  const health = (await (await fetch(`${server!.url}/health`)).json()) as HealthResponse;
  const address = health.contracts.PartnerPass;
  if (!address) throw new Error('e2e: no PartnerPass deployed');
  const transport = http(`http://127.0.0.1:${server!.anvilPort}`);
  const wallet = createWalletClient({
    account: privateKeyToAccount(ANVIL_ACCOUNTS.partner.privateKey),
    chain: foundry,
    transport,
  });
  const chain = createPublicClient({ chain: foundry, transport });
  const hash = await wallet.writeContract({ address, abi: partnerPassAbi, functionName: 'mint', args: [to] });
  await chain.waitForTransactionReceipt({ hash });
}

describe('the gated rooms and the hall in Chromium', () => {
  it('seats a Gold Pass holder in the VIP plan, and serves a drink at its bar on E', {
    timeout: 300_000,
  }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await enterWithTestWallet(page, server!.url, 'Gold Member');
    const calls = await enterRoom(
      page,
      [
        { x: 8, z: 3.5 },
        { x: 17.5, z: 1 },
      ],
      'vip-door-enter',
      'vip',
    );
    expect(calls).toBeLessThanOrEqual(MAX_CALLS);
    const arrived = await self(page);
    // Arrived by the VIP's own spawn (x 0, z 1), inside its smaller walls, facing north.
    expect(Math.abs(arrived!.x)).toBeLessThan(2);
    expect(Math.abs(arrived!.z - 1)).toBeLessThan(2);
    await settledScreenshot(page, DOCS, 'vip.png');

    // Its walls hold: a walk toward where the lounge's east wall would be stops at the VIP's.
    await walkTo(page, { x: 2, z: -5.5 });
    await page.evaluate(() => (window as unknown as LayoverWindow).__layover.walkTo(18, -5.5));
    await page.waitForFunction(
      () => {
        const hooks = (window as unknown as LayoverWindow).__layover;
        const pose = hooks.poses().find((p) => p.sessionId === hooks.self());
        return pose !== undefined && pose.x > 9;
      },
      null,
      { polling: 250, timeout: 45_000 },
    );
    expect((await self(page))!.x).toBeLessThanOrEqual(10);

    await walkTo(page, { x: 2, z: -5.5 });
    await walkTo(page, { x: -5.4, z: -1.5 });
    await shown(page, 'vip-bar-menu');
    expect(await axeViolations(page, '[data-testid="vip-bar-menu"]')).toEqual([]);
    await page.keyboard.press('KeyE');
    await page.waitForFunction(
      () => document.body.textContent?.includes('Your sparkling wine is served.'),
      null,
      { polling: 250, timeout: 30_000 },
    );
    await settledScreenshot(page, DOCS, 'vip-bar.png');
    await page.close();
  });

  it('seats a partner pass holder in the suite plan, with its brand wall and quiet room', {
    timeout: 300_000,
  }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await enterWithTestWallet(page, server!.url, 'Partner Guest');
    const address = await page.evaluate(
      () => (window as unknown as LayoverWindow).__layover.getState().member?.address ?? null,
    );
    expect(address).toMatch(/^0x/);
    await mintPartnerPass(address as `0x${string}`);
    const path = [
      { x: -11, z: 4 },
      { x: -11, z: -4 },
      { x: -17.4, z: -4 },
    ];
    const calls = await enterRoom(page, path, 'suite-door-enter', 'suite');
    expect(calls).toBeLessThanOrEqual(MAX_CALLS);
    const signs = await page.evaluate(() =>
      Object.keys((window as unknown as { __layover: { signs: () => object } }).__layover.signs()),
    );
    expect(signs).toEqual(expect.arrayContaining(['partner-wall', 'sign-quiet-east', 'sign-lounge']));
    await settledScreenshot(page, DOCS, 'suite.png');
    // Into the quiet room by its door in the north wall.
    await walkTo(page, { x: -3, z: 0 });
    await walkTo(page, { x: -8.6, z: -0.2 });
    await walkTo(page, { x: -8.6, z: 2.4 });
    await shown(page, 'lounge-canvas');
    await page.waitForFunction(
      () => document.body.textContent?.includes('Quiet room: voices from outside'),
      null,
      { polling: 250, timeout: 30_000 },
    );
    await page.close();
  });

  it('lights the hall stage and seats a newcomer facing it', { timeout: 300_000 }, async () => {
    const host = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await host.goto(server!.url);
    const eventId = await scheduleAsPageHost(
      host,
      eventStartedNow('Sunset Set', 'Live music on the main stage.'),
    );
    await host.close();

    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    await enterAsGuest(page, server!.url, 'Audience');
    await page.bringToFront();
    await shown(page, `event-enter-${eventId}`, { timeout: 90_000 });
    await page.evaluate(
      (id) => document.querySelector<HTMLButtonElement>(`[data-testid="event-enter-${id}"]`)?.click(),
      eventId,
    );
    const calls = await drawn(page, 'event');
    expect(calls).toBeLessThanOrEqual(MAX_CALLS);
    const arrived = await self(page);
    // The stage stands at x 14, z -9: the heading (0 faces +z) points at it, within 30 degrees.
    const toStage = Math.atan2(14 - arrived!.x, -9 - arrived!.z);
    const off = Math.abs(
      Math.atan2(Math.sin(arrived!.heading - toStage), Math.cos(arrived!.heading - toStage)),
    );
    expect(off).toBeLessThan(Math.PI / 6);
    await settledScreenshot(page, DOCS, 'hall.png');
    await page.close();
  });
});
