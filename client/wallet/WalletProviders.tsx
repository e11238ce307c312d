import '@rainbow-me/rainbowkit/styles.css';
import { darkTheme, RainbowKitProvider } from '@rainbow-me/rainbowkit';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { WagmiProvider } from 'wagmi';
import type { Locale } from '../core/i18n/translate.ts';
import { type createWalletConfig, RAINBOW_LOCALE } from './walletConfig.ts';

export interface WalletProvidersProps {
  config: ReturnType<typeof createWalletConfig>;
  queryClient: QueryClient;
  locale: Locale;
  children: ReactNode;
}

/** wagmi, react-query and RainbowKit in the house theme and the member's language; the lounge and console share it. */
export function WalletProviders({ config, queryClient, locale, children }: WalletProvidersProps) {
  return (
    <WagmiProvider config={config}>
      <QueryClientProvider client={queryClient}>
        <RainbowKitProvider
          locale={RAINBOW_LOCALE[locale]}
          modalSize="compact"
          theme={darkTheme({
            accentColor: '#c9a15a',
            accentColorForeground: '#1d1a14',
            borderRadius: 'medium',
          })}
        >
          {children}
        </RainbowKitProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
