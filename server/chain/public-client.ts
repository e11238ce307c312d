import { createPublicClient, defineChain, http, type PublicClient } from 'viem';

/** A read-only viem client for the configured chain; its chain id is read from the RPC first. */
export async function connectChain(rpcUrl: string): Promise<{ publicClient: PublicClient; chainId: number }> {
  const probe = createPublicClient({ transport: http(rpcUrl, { retryCount: 2 }) });
  let chainId: number;
  try {
    chainId = await probe.getChainId();
  } catch (error) {
    throw new Error(`Layover: cannot reach the chain at ${rpcUrl}; is RPC_URL right and the node up?`, {
      cause: error,
    });
  }
  const chain = defineChain({
    id: chainId,
    name: chainId === 31337 ? 'Anvil' : `Chain ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  return { publicClient: createPublicClient({ chain, transport: http(rpcUrl) }) as PublicClient, chainId };
}
