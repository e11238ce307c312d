import { QueryClient } from '@tanstack/react-query';
import type { Address } from 'viem';
import { type Config, createConfig, injected } from 'wagmi';
import { fetchHealth } from '../../core/http.ts';
import { useLayoverStore } from '../../core/store.ts';
import { chainFor } from '../../wallet/chainEndpoint.ts';
import { relayTransport } from '../../wallet/relayTransport.ts';

/** What the Prizes tab needs to read and move prizes on chain. */
export interface PrizeWallet {
  config: Config;
  queryClient: QueryClient;
  chainId: number;
  /** The Prizes contract from /health; null when the server deployed none. */
  prizes: Address | null;
}

let loading: Promise<PrizeWallet | null> | null = null;
let loaded: PrizeWallet | null = null;

/**
 * One wagmi config and query cache for the tab, from /health: reads through the RPC it names (else the chain's
 * default), writes through a browser wallet (injected / EIP-6963) or the local test wallet's key.
 */
export function loadPrizeWallet(): Promise<PrizeWallet | null> {
  loading ??= fetchHealth().then((health) => {
    if (!health) {
      loading = null; // The server did not answer: ask again next time the tab opens.
      return null;
    }
    const chain = chainFor(health.chainId);
    const config = createConfig({
      chains: [chain],
      connectors: [injected()],
      transports: { [chain.id]: relayTransport(health.rpcUrl, () => useLayoverStore.getState().token) },
      multiInjectedProviderDiscovery: true,
    });
    loaded = {
      config,
      queryClient: new QueryClient(),
      chainId: chain.id,
      prizes: health.contracts.Prizes ?? null,
    };
    return loaded;
  });
  return loading;
}

/** The wallet setup if it has already loaded, so a reopened tab renders it at once. */
export function loadedPrizeWallet(): PrizeWallet | null {
  return loaded;
}
