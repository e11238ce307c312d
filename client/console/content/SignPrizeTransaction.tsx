import { ConnectButton } from '@rainbow-me/rainbowkit';
import { QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useAccount, useSendTransaction } from 'wagmi';
import type { UnsignedTransaction } from '../../../shared/protocol/content.ts';
import { fetchHealth } from '../../core/http.ts';
import { WalletProviders } from '../../wallet/WalletProviders.tsx';
import { createWalletConfig } from '../../wallet/walletConfig.ts';
import { useT } from '../i18n/useT.ts';
import { useConsoleStore } from '../store.ts';

type WalletSetup = { config: ReturnType<typeof createWalletConfig>; queryClient: QueryClient };

/** Lazily loaded: the wallet stack on the chain /health names, then the addPrize transaction for the admin to send. */
export default function SignPrizeTransaction({ transaction }: { transaction: UnsignedTransaction }) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const [setup, setSetup] = useState<WalletSetup | null>(null);

  useEffect(() => {
    let live = true;
    void fetchHealth().then((health) => {
      if (!live) return;
      const config = createWalletConfig(transaction.chainId, health?.rpcUrl, null);
      setSetup({ config, queryClient: new QueryClient() });
    });
    return () => {
      live = false;
    };
  }, [transaction.chainId]);

  if (!setup) return <p role="status">{t('content.chain.loading')}</p>;
  return (
    <WalletProviders config={setup.config} queryClient={setup.queryClient} locale={locale}>
      <SendButton transaction={transaction} />
    </WalletProviders>
  );
}

function SendButton({ transaction }: { transaction: UnsignedTransaction }) {
  const t = useT();
  const { isConnected } = useAccount();
  const { sendTransactionAsync, isPending } = useSendTransaction();
  const [message, setMessage] = useState('');

  const send = async () => {
    try {
      const hash = await sendTransactionAsync({
        to: transaction.to,
        data: transaction.data,
        chainId: transaction.chainId,
      });
      setMessage(t('content.chain.sent', { hash }));
    } catch (error) {
      const reason =
        error instanceof Error ? ((error as { shortMessage?: string }).shortMessage ?? error.message) : '';
      setMessage(t('content.chain.failed', { message: reason }));
    }
  };

  return (
    <div className="stack">
      <ConnectButton showBalance={false} chainStatus="none" accountStatus="address" />
      {isConnected && (
        <button type="button" className="primary" disabled={isPending} onClick={() => void send()}>
          {t('content.chain.sign')}
        </button>
      )}
      <p role="status" className="hint">
        {message}
      </p>
    </div>
  );
}
