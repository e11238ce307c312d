import { afterEach, describe, expect, it, vi } from 'vitest';
import { relayFetch } from '../../client/wallet/relayTransport.ts';

const PAGE = 'https://lounge.example';

function recorder() {
  const seen: (string | null)[] = [];
  const fetchImpl = (async (_input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(new Headers(init?.headers).get('authorization'));
    return new Response('{}');
  }) as typeof fetch;
  return { seen, fetchImpl };
}

afterEach(() => vi.unstubAllGlobals());

describe('relayFetch', () => {
  it("sends the session token to this page's /rpc relay, so the budget is the member's", async () => {
    vi.stubGlobal('location', { origin: PAGE });
    const { seen, fetchImpl } = recorder();
    const send = relayFetch(`${PAGE}/rpc`, () => 'token-1', fetchImpl);
    await send(`${PAGE}/rpc`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(seen).toEqual(['Bearer token-1']);
  });

  it('never sends it to an RPC on another origin, nor when signed out', async () => {
    vi.stubGlobal('location', { origin: PAGE });
    const { seen, fetchImpl } = recorder();
    await relayFetch('https://rpc.example/key', () => 'token-1', fetchImpl)('https://rpc.example/key', {});
    await relayFetch(`${PAGE}/rpc`, () => null, fetchImpl)(`${PAGE}/rpc`, {});
    expect(seen).toEqual([null, null]);
  });
});
