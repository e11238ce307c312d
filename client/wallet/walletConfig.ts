import { connectorsForWallets } from '@rainbow-me/rainbowkit';
import { injectedWallet } from '@rainbow-me/rainbowkit/wallets';
import { createConfig, http } from 'wagmi';
import type { Locale } from '../core/i18n/translate.ts';
import { browserRpcUrl, chainFor } from './chainEndpoint.ts';

/** RainbowKit's locale for each UI locale. */
export const RAINBOW_LOCALE = {
  en: 'en-US',
  'zh-Hant': 'zh-TW',
  'zh-Hans': 'zh-CN',
  vi: 'vi-VN',
} as const satisfies Record<Locale, string>;

/**
 * wagmi config with browser (injected / EIP-6963) wallets only: no WalletConnect relay, nothing fetched from
 * third parties. The chain is the one the server reports in /health; unknown ids fall back to the dev chain. Reads go
 * to `rpcUrl` when /health names one, else to the chain's default RPC.
 */
export function createWalletConfig(chainId: number | undefined, rpcUrl?: string) {
  const chain = chainFor(chainId);
  const connectors = connectorsForWallets([{ groupName: 'Browser', wallets: [injectedWallet] }], {
    appName: 'Layover Lounge',
    // Required by the type; unused because no WalletConnect-based wallet is listed.
    projectId: 'layover-injected-only',
  });
  return createConfig({
    chains: [chain],
    connectors,
    transports: { [chain.id]: http(browserRpcUrl(rpcUrl)) },
    multiInjectedProviderDiscovery: true,
  });
}
