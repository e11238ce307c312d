import { connectorsForWallets, getDefaultWallets, type WalletList } from '@rainbow-me/rainbowkit';
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

export const WALLET_APP_NAME = 'Layover Lounge';

/** RainbowKit's type wants a project id even when no WalletConnect wallet is listed; this one is never sent. */
const INJECTED_ONLY_PROJECT_ID = 'layover-injected-only';

/**
 * The wallets RainbowKit lists. Browser (injected / EIP-6963) wallets always. RainbowKit's default phone wallets
 * (Rainbow, MetaMask, Base, Safe, and any WalletConnect wallet by QR code) only when the server hands out a
 * WalletConnect project id (WALLETCONNECT_PROJECT_ID, served in GET /auth/options): they go through the
 * WalletConnect relay, which needs one. Without it nothing is fetched from third parties.
 */
export function walletGroups(walletConnectProjectId: string | null | undefined): WalletList {
  const browser: WalletList = [{ groupName: 'Browser', wallets: [injectedWallet] }];
  if (!walletConnectProjectId) return browser;
  return [...browser, ...getDefaultWallets().wallets];
}

/** The wagmi connectors for those wallets. */
export function createWalletConnectors(walletConnectProjectId: string | null | undefined) {
  return connectorsForWallets(walletGroups(walletConnectProjectId), {
    appName: WALLET_APP_NAME,
    projectId: walletConnectProjectId || INJECTED_ONLY_PROJECT_ID,
  });
}

/**
 * wagmi config on the chain the server reports in /health (unknown ids fall back to the dev chain); reads go to
 * `rpcUrl` when /health names one, else to the chain's default RPC. `walletConnectProjectId` comes from the sign-in
 * options at run time (never built in): with it RainbowKit adds its WalletConnect wallets, without it (the default)
 * only browser wallets are offered.
 */
export function createWalletConfig(
  chainId: number | undefined,
  rpcUrl?: string,
  walletConnectProjectId?: string | null,
) {
  const chain = chainFor(chainId);
  return createConfig({
    chains: [chain],
    connectors: createWalletConnectors(walletConnectProjectId),
    transports: { [chain.id]: http(browserRpcUrl(rpcUrl)) },
    multiInjectedProviderDiscovery: true,
  });
}
