import { lazy, Suspense, useState } from 'react';
import type { PrizeChainState } from '../../../shared/protocol/content.ts';
import { useT } from '../i18n/useT.ts';

/** wagmi and the wallet stack load only when an operator opens a transaction to sign. */
const SignPrizeTransaction = lazy(() => import('./SignPrizeTransaction.tsx'));

export interface PrizeTransactionsProps {
  /** Prizes by their state on chain; those with a `transaction` wait for the brand's admin wallet. */
  prizes: readonly PrizeChainState[];
}

/** New prizes this server could not add on chain itself (no admin key): each addPrize for the admin wallet. */
export function PrizeTransactions({ prizes }: PrizeTransactionsProps) {
  const t = useT();
  const [signing, setSigning] = useState<string | null>(null);
  const pending = prizes.filter((prize) => !prize.onChain && prize.transaction);
  if (pending.length === 0) return null;
  return (
    <section className="card" aria-labelledby="prize-chain-heading" data-testid="console-content-prize-chain">
      <h2 id="prize-chain-heading">{t('content.chain.heading')}</h2>
      <ul className="plain-list">
        {pending.map((prize) => (
          <li key={prize.prizeId} className="stack">
            <span>{t('content.chain.pending', { id: prize.prizeId, tokenId: prize.tokenId })}</span>
            {signing === prize.prizeId && prize.transaction ? (
              <Suspense fallback={<p role="status">{t('content.chain.loading')}</p>}>
                <SignPrizeTransaction transaction={prize.transaction} />
              </Suspense>
            ) : (
              <button
                type="button"
                onClick={() => setSigning(prize.prizeId)}
                data-testid={`console-content-sign-${prize.prizeId}`}
              >
                {t('content.chain.sign')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
