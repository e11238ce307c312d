import { QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { routes } from '../../shared/protocol/routes.ts';
import type { SignInOptions } from '../../shared/protocol/sign-in.ts';
import { callRoute, fetchHealth } from '../core/http.ts';
import { useT } from '../core/i18n/useT.ts';
import { useLayoverStore } from '../core/store.ts';
import { TestWalletLinkButton } from './TestWalletLinkButton.tsx';
import { WalletProviders } from './WalletProviders.tsx';
import { WalletSignIn } from './WalletSignIn.tsx';
import { createWalletConfig } from './walletConfig.ts';

export interface WalletPanelProps {
  name: string;
  onClose: () => void;
  /** Set inside the lounge: the guest session whose member record the wallet joins. */
  linkToken?: string | undefined;
}

type WalletSetup = {
  config: ReturnType<typeof createWalletConfig>;
  queryClient: QueryClient;
  chainId: number;
  /** The server offers a funded dev-chain wallet. */
  testWallet: boolean;
};

/** Lazily loaded wallet sign-in: wagmi + RainbowKit (injected wallets only), localised like the rest of the UI. */
export default function WalletPanel({ name, onClose, linkToken }: WalletPanelProps) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  const [setup, setSetup] = useState<WalletSetup | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Move focus into the panel that just opened, so keyboard and screen-reader users land in it.
  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    let live = true;
    // WalletConnect's phone wallets appear only when the server has a project id (WALLETCONNECT_PROJECT_ID).
    const signInOptions = callRoute<SignInOptions>(routes.signInOptions).catch(() => null);
    Promise.all([fetchHealth(), signInOptions]).then(([health, options]) => {
      if (!live) return;
      const config = createWalletConfig(health?.chainId, health?.rpcUrl, options?.walletConnectProjectId);
      setSetup({
        config,
        queryClient: new QueryClient(),
        chainId: config.chains[0].id,
        testWallet: health?.testWallet === true,
      });
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="wallet-panel" aria-labelledby="wallet-heading">
      <div className="wallet-header">
        <h2 id="wallet-heading" ref={heading} tabIndex={-1}>
          {t('wallet.heading')}
        </h2>
        <button type="button" className="icon" onClick={onClose} aria-label={t('wallet.close')}>
          ×
        </button>
      </div>
      <p>{t(linkToken ? 'wallet.linkIntro' : 'wallet.intro')}</p>
      {linkToken && setup?.testWallet && <TestWalletLinkButton />}
      {setup ? (
        <WalletProviders config={setup.config} queryClient={setup.queryClient} locale={locale}>
          <WalletSignIn name={name} chainId={setup.chainId} linkToken={linkToken} />
        </WalletProviders>
      ) : (
        <p role="status">{t('wallet.loading')}</p>
      )}
    </section>
  );
}
