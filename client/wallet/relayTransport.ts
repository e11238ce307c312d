import { http } from 'wagmi';
import { browserRpcUrl } from './chainEndpoint.ts';

/** The wagmi transport to /health's RPC URL (the server's /rpc relay, or the chain's default RPC when it names none). */
export function relayTransport(rpcUrl: string | undefined, sessionToken: () => string | null | undefined) {
  const url = browserRpcUrl(rpcUrl);
  return http(url, { fetchFn: relayFetch(url, sessionToken) });
}

/**
 * A fetch that sends the member's session token to this page's own /rpc relay, so its call budget is the member's and
 * not shared with everyone behind the same address (a venue's Wi-Fi); an RPC on another origin never sees the token.
 */
export function relayFetch(
  url: string | undefined,
  sessionToken: () => string | null | undefined,
  fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
): typeof fetch {
  const sameOrigin = url !== undefined && isSameOrigin(url);
  return (input, init) => {
    const token = sameOrigin ? sessionToken() : undefined;
    if (!token) return fetchImpl(input, init);
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${token}`);
    return fetchImpl(input, { ...init, headers });
  };
}

function isSameOrigin(url: string): boolean {
  const origin = globalThis.location?.origin;
  if (!origin) return false;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}
