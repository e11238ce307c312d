import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnvilInstance, startAnvil } from '../../server/chain/anvil.ts';
import type { RunningLayover } from '../../server/main.ts';
import { startTestLayover } from '../support/layover.ts';

/** POST /auth/test-wallet {"host":true} with extra headers (what a browser page on some site would send). */
async function askForHostWallet(layover: RunningLayover, headers: Record<string, string>) {
  const response = await fetch(`${layover.url}/auth/test-wallet`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ name: 'Mallory', host: true }),
  });
  return { status: response.status, body: await response.json() };
}

describe('the test wallet on the chain this process started', () => {
  let layover: RunningLayover;
  beforeAll(async () => {
    layover = await startTestLayover();
  });
  afterAll(async () => {
    await layover?.stop();
  });

  it('refuses a page on another site (Origin https://evil.example) with 403 and no key', async () => {
    const { status, body } = await askForHostWallet(layover, { origin: 'https://evil.example' });
    expect(status).toBe(403);
    expect(body.error).toBe('crossSite');
    expect(body.privateKey).toBeUndefined();
  });

  it('refuses a cross-site request that sends only Sec-Fetch-Site', async () => {
    const { status } = await askForHostWallet(layover, { 'sec-fetch-site': 'cross-site' });
    expect(status).toBe(403);
  });

  it("serves the lounge's own page (Origin http://localhost:PORT)", async () => {
    const { status, body } = await askForHostWallet(layover, { origin: `http://localhost:${layover.port}` });
    expect(status).toBe(200);
    expect(body.privateKey).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it('serves a same-origin request that sends only Sec-Fetch-Site', async () => {
    const { status } = await askForHostWallet(layover, { 'sec-fetch-site': 'same-origin' });
    expect(status).toBe(200);
  });
});

describe('the test wallet on an anvil Layover did not start (RPC_URL, chain 31337)', () => {
  let anvil: AnvilInstance;
  let layover: RunningLayover;
  beforeAll(async () => {
    anvil = await startAnvil();
    layover = await startTestLayover({ rpcUrl: anvil.rpcUrl });
  });
  afterAll(async () => {
    await layover?.stop();
    await anvil?.stop();
  });

  it('stays off under TEST_WALLET=auto, even for the own origin', async () => {
    const health = await (await fetch(`${layover.url}/health`)).json();
    expect(health).toMatchObject({ chainId: 31337, testWallet: false });
    const { status } = await askForHostWallet(layover, { origin: `http://localhost:${layover.port}` });
    expect(status).toBe(404);
  });
});
