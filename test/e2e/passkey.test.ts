import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { enterAsGuest, type LayoverWindow, WAIT } from '../support/lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

/**
 * A passkey in Chromium through the DevTools protocol's virtual authenticator (a platform authenticator with
 * resident keys and user verification, as a phone or laptop has): a guest adds a passkey from the account panel,
 * then a second browser (another context, holding a copy of the same passkey, as a synced password manager would)
 * signs in with it from the entry screen and is the same member; before that, a passkey the lounge never registered
 * and a failed fingerprint/PIN check are each shown translated and sign nobody in. The lounge is opened on
 * `localhost`: WebAuthn
 * refuses IP addresses as RP ids.
 */

let dir: string;
let server: StartedServer | undefined;
let browser: Browser | undefined;
/** The lounge as opened in the browser: localhost on the server's port. */
let lounge: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-e2e-passkey-'));
  server = await spawnLayoverIn(dir);
  lounge = `http://localhost:${new URL(server.url).port}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (server) await interrupt(server.child);
  await rm(dir, { recursive: true, force: true });
});

/** What a CDP WebAuthn.getCredentials answer holds per credential. */
interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

/** Gives `page` a virtual platform authenticator that verifies the user at once; answers its CDP session and id. */
async function virtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

async function credentialsOf(cdp: CDPSession, authenticatorId: string): Promise<VirtualCredential[]> {
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  return credentials as VirtualCredential[];
}

const memberOf = (page: Page) =>
  page.evaluate(() => (window as unknown as LayoverWindow).__layover.getState().member);

describe('passkeys in Chromium', () => {
  it('adds a passkey from the account panel and signs the same member in with it in a second browser', {
    timeout: 240_000,
  }, async () => {
    const first = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await first.newPage();
    const own = await virtualAuthenticator(page);
    await enterAsGuest(page, lounge, 'Key Keeper');
    const member = await memberOf(page);
    expect(member).toMatchObject({ name: 'Key Keeper' });

    await page.getByTestId('open-account').click();
    await page.getByTestId('keep-account').waitFor({ state: 'visible', ...WAIT });
    await page.getByTestId('add-passkey').click();
    // The new passkey is listed among the member's ways to sign in.
    await page
      .getByTestId('credential-item')
      .filter({ hasText: 'Passkey' })
      .first()
      .waitFor({
        state: 'visible',
        ...WAIT,
      });
    const [passkey] = await credentialsOf(own.cdp, own.authenticatorId);
    expect(passkey).toMatchObject({ isResidentCredential: true, rpId: 'localhost' });

    // A second browser with no cookie and no local state; its authenticator holds a copy of the passkey.
    const second = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
    const other = await second.newPage();
    const copy = await virtualAuthenticator(other);
    await other.goto(lounge);
    const signIn = other.getByTestId('signin-passkey');
    await signIn.waitFor({ state: 'visible', ...WAIT });

    // Bad answers first, each shown translated and signing nobody in. A passkey this lounge never registered:
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const strangerId = randomBytes(32).toString('base64');
    await copy.cdp.send('WebAuthn.addCredential', {
      authenticatorId: copy.authenticatorId,
      credential: {
        credentialId: strangerId,
        isResidentCredential: true,
        rpId: 'localhost',
        privateKey: stranger.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
        userHandle: Buffer.from('stranger').toString('base64'),
        signCount: 0,
      },
    });
    await signIn.click();
    await other.getByText('This passkey is not registered here').waitFor({ state: 'visible', ...WAIT });
    await copy.cdp.send('WebAuthn.removeCredential', {
      authenticatorId: copy.authenticatorId,
      credentialId: strangerId,
    });
    // The member's passkey, synced to this second device.
    await copy.cdp.send('WebAuthn.addCredential', {
      authenticatorId: copy.authenticatorId,
      credential: passkey!,
    });
    // The member's passkey, but the fingerprint or PIN check fails (user verification is required).
    await copy.cdp.send('WebAuthn.setUserVerified', {
      authenticatorId: copy.authenticatorId,
      isUserVerified: false,
    });
    await signIn.click();
    await other
      .getByText('The passkey could not be checked, or it was cancelled')
      .waitFor({ state: 'visible', ...WAIT });
    expect(await memberOf(other)).toBeNull();

    await copy.cdp.send('WebAuthn.setUserVerified', {
      authenticatorId: copy.authenticatorId,
      isUserVerified: true,
    });
    await signIn.click();
    await other.waitForFunction(
      (id) =>
        (window as unknown as LayoverWindow).__layover?.getState().member?.id === id &&
        Boolean((window as unknown as LayoverWindow).__layover.self()),
      member!.id,
      { timeout: 90_000 },
    );
    expect(await memberOf(other)).toMatchObject({ id: member!.id, name: 'Key Keeper' });
    // The passkey signed (its counter moved on in the second authenticator).
    const [used] = await credentialsOf(copy.cdp, copy.authenticatorId);
    expect(used!.signCount).toBeGreaterThan(passkey!.signCount);

    await first.close();
    await second.close();
  });
});
