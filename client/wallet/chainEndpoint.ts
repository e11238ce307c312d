import { type Chain, defineChain } from 'viem';
import { base, baseSepolia, foundry, mainnet, sepolia } from 'viem/chains';

const KNOWN_CHAINS: readonly Chain[] = [foundry, mainnet, base, sepolia, baseSepolia];

/**
 * The chain a /health `chainId` names; without one, the dev chain. An id viem does not list gets a plain chain with
 * that id (sign-in messages and transactions must carry the server's chain id), reached through /health's RPC.
 */
export function chainFor(chainId: number | undefined): Chain {
  if (chainId === undefined) return foundry;
  const known = KNOWN_CHAINS.find((candidate) => candidate.id === chainId);
  if (known) return known;
  return defineChain({
    id: chainId,
    name: `Chain ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [foundry.rpcUrls.default.http[0]] } },
  });
}

/** An RPC URL from /health as the browser fetches it: a path like `/rpc` is taken from this page's origin. */
export function browserRpcUrl(rpcUrl: string | undefined): string | undefined {
  if (!rpcUrl) return undefined;
  try {
    return new URL(rpcUrl, globalThis.location?.origin).href;
  } catch {
    return undefined;
  }
}
