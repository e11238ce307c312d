import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeardAudio, VoiceTestHooks } from '../../client/lounge/voice/voiceTestHooks.ts';
import { axeViolations } from '../support/axe.ts';
import { FAKE_MEDIA_FLAGS, launchChromium } from '../support/browser.ts';
import { postJson } from '../support/layover.ts';
import { type LayoverWindow, openDockPanel, walkTo } from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayover } from '../support/process.ts';

/** Alice and Bob stand 2 m apart in the east of the lounge; Carol in the far west corner, about 30 m from Alice. */
const ALICE_AT = { x: 12, z: 8 } as const;
const BOB_AT = { x: 12, z: 10 } as const;
const CAROL_AT = { x: -17, z: 12 } as const;

/** This machine is shared and often loaded far past its two cores: waits are on states, with room to spare. */
const WAIT = { timeout: 120_000 } as const;

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;
let staffRoom: Room | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-voice-audio-'));
  // spawnLayoverIn's settings, with more time: the client build alone can take minutes on a loaded machine.
  server = await spawnLayover(
    {
      PORT: '0',
      ANVIL_PORT: '0',
      DATA_DIR: join(dir, 'data'),
      DEPLOYMENTS_DIR: join(dir, 'deployments'),
      MEDIA: 'on',
    },
    540_000,
  );
  browser = await launchChromium([...FAKE_MEDIA_FLAGS, '--autoplay-policy=no-user-gesture-required']);
}, 600_000);

afterAll(async () => {
  await staffRoom?.leave().catch(() => {});
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

type VoiceWindow = LayoverWindow & { __layoverVoice?: VoiceTestHooks };

const heardBy = (page: Page): Promise<HeardAudio[]> =>
  page.evaluate(() => (window as unknown as VoiceWindow).__layoverVoice?.heard() ?? []);

const memberIdOf = (page: Page): Promise<string> =>
  page.evaluate(() => (window as unknown as LayoverWindow).__layover.getState().member?.id ?? '');

/** Polls `read` until `done` holds for its value (a state, never a sleep); a timeout shows the last value seen. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + WAIT.timeout;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`voice e2e: ${what} did not happen; last seen: ${JSON.stringify(last)}`);
}

/** What `listener` receives from `memberId` now (undefined while not subscribed to them). */
async function audioFrom(listener: Page, memberId: string): Promise<HeardAudio | undefined> {
  return (await heardBy(listener)).find((entry) => entry.memberId === memberId);
}

/** Enters as a guest pressing Enter on the button (a click waits for still frames a loaded machine may not give). */
async function enterAsGuest(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url, WAIT);
  await page.getByTestId('name-input').fill(name, WAIT);
  await page.getByTestId('enter-guest').press('Enter', WAIT);
  await page.waitForFunction(() => Boolean((window as unknown as LayoverWindow).__layover?.self?.()), null, {
    timeout: 180_000,
  });
}

async function joinVoice(page: Page): Promise<void> {
  // Alice's and Carol's small windows fold the voice panel behind the HUD dock's toggle.
  await openDockPanel(page, 'voice');
  await page.getByTestId('voice-join').press('Enter', WAIT);
  await page.getByTestId('voice-leave').waitFor(WAIT);
  await page.waitForFunction(
    () => (window as unknown as VoiceWindow).__layoverVoice?.media() === 'live',
    null,
    WAIT,
  );
}

describe('lounge voice carries real audio through Janus (Chromium, fake microphone)', () => {
  it('Bob, 2 m from Alice, hears her; Carol, 30 m away, is not subscribed; staff mute stops Alice for Bob', {
    timeout: 420_000,
  }, async () => {
    const alice = await browser!.newPage({ viewport: { width: 480, height: 360 } });
    const bob = await browser!.newPage({ viewport: { width: 800, height: 600 } });
    const carol = await browser!.newPage({ viewport: { width: 390, height: 844 } });
    await enterAsGuest(alice, server!.url, 'Alice');
    await enterAsGuest(bob, server!.url, 'Bob');
    await enterAsGuest(carol, server!.url, 'Carol');
    await walkTo(carol, CAROL_AT, carol, WAIT);
    await walkTo(alice, ALICE_AT, alice, WAIT);
    await walkTo(bob, BOB_AT, bob, WAIT);
    const aliceId = await memberIdOf(alice);

    for (const page of [alice, bob, carol]) await joinVoice(page);
    // Open mic: the fake microphone's beep goes out without holding V.
    await alice.getByRole('radio', { name: 'Open mic' }).press('Space', WAIT);

    // Decoded samples from Alice's feed keep growing, and her beep reaches the PannerNode Bob hears her through.
    const first = (
      await until(
        async () => ({
          audio: await audioFrom(bob, aliceId),
          earshot: await bob.evaluate(() => (window as unknown as VoiceWindow).__layoverVoice?.earshot()),
        }),
        ({ audio }) => (audio?.samples ?? 0) > 0,
        "Bob decoding Alice's audio",
      )
    ).audio;
    const heard = await until(
      () => audioFrom(bob, aliceId),
      (audio) => (audio?.samples ?? 0) > (first?.samples ?? 0) && (audio?.level ?? 0) > 1e-5,
      "Alice's audio reaching Bob's spatial mix",
    );
    console.log(`voice e2e: Bob receives Alice: ${JSON.stringify(heard)} (first: ${JSON.stringify(first)})`);
    await bob.locator('.voice-nearby li', { hasText: 'Alice' }).waitFor(WAIT);
    expect(await axeViolations(bob, '[data-testid=voice-panel]')).toEqual([]);

    // Carol is in voice with a live link, yet the server keeps Alice out of her earshot: nothing subscribed.
    await carol.getByText('Nobody near you is in voice chat.').waitFor(WAIT);
    expect((await heardBy(carol)).map((entry) => entry.memberId)).not.toContain(aliceId);
    expect(await heardBy(carol)).toEqual([]);

    // Brand staff (a host's test wallet, in the same lounge instance) mutes Alice for everyone.
    const { body } = await postJson(`${server!.url}/auth/test-wallet`, { name: 'Mei Lin', host: true });
    staffRoom = await new Client(server!.url).joinOrCreate('lounge', { token: body.token });
    staffRoom.onMessage('*', () => {});
    const started = Date.now();
    staffRoom.send('voiceModerate', { memberId: aliceId, action: 'mute' });
    await until(
      () => audioFrom(bob, aliceId),
      (audio) => audio === undefined,
      'Bob no longer subscribed to Alice',
    );
    console.log(
      `voice e2e: Bob stopped receiving Alice ${Date.now() - started} ms after the staff mute was sent`,
    );
    await alice.getByText('Staff muted your microphone in this lounge.').waitFor(WAIT);
    await bob.getByText('Nobody near you is in voice chat.').waitFor(WAIT);
  });
});
