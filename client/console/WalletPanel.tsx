import { QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchHealth } from '../core/http.ts';
import { WalletProviders } from '../wallet/WalletProviders.tsx';
import { createWalletConfig } from '../wallet/walletConfig.ts';
import { fetchSignInOptions } from './api.ts';
import type { ConsoleErrorCode } from './errors.ts';
import { useT } from './i18n/useT.ts';
import { useConsoleStore } from './store.ts';
import { WalletSignInButton } from './WalletSignInButton.tsx';

export interface WalletPanelProps {
  onClose: () => void;
  onError: (code: ConsoleErrorCode) => void;
  /** Checks the name box; returns the cleaned name, or null (and shows why) when it is not valid. */
  onInvalidName: () => string | null;
}

type WalletSetup = {
  config: ReturnType<typeof createWalletConfig>;
  queryClient: QueryClient;
  chainId: number;
};

/**
 * Lazily loaded: the lounge's wagmi config on the chain /health names (injected wallets, and WalletConnect's when the
 * server has a project id), then SIWE.
 */
export default function WalletPanel({ onClose, onError, onInvalidName }: WalletPanelProps) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const [setup, setSetup] = useState<WalletSetup | null>(null);

  useEffect(() => {
    let live = true;
    // WalletConnect's phone wallets appear when the server has WALLETCONNECT_PROJECT_ID (GET /auth/options).
    const options = fetchSignInOptions().catch(() => null);
    void Promise.all([fetchHealth(), options]).then(([health, offered]) => {
      if (!live) return;
      const config = createWalletConfig(
        health?.chainId,
        health?.rpcUrl,
        offered?.walletConnectProjectId ?? null,
      );
      setSetup({ config, queryClient: new QueryClient(), chainId: config.chains[0].id });
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="wallet-panel" aria-labelledby="wallet-heading" data-testid="console-wallet-panel">
      <div className="section-head">
        <h2 id="wallet-heading">{t('signIn.wallet')}</h2>
        <button type="button" onClick={onClose} aria-label={t('signIn.close')}>
          ×
        </button>
      </div>
      <p className="hint">{t('signIn.walletIntro')}</p>
      {setup ? (
        <WalletProviders config={setup.config} queryClient={setup.queryClient} locale={locale}>
          <WalletSignInButton chainId={setup.chainId} onError={onError} onInvalidName={onInvalidName} />
        </WalletProviders>
      ) : (
        <p role="status">{t('signIn.walletLoading')}</p>
      )}
    </section>
  );
}
