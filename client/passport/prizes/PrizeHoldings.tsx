import { useState } from 'react';
import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { prizesAbi } from '../../../contracts/abi/Prizes.ts';
import type { Prize } from '../../../shared/content/prizes.ts';
import { localize } from '../../core/content.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { ConnectToSign } from './ConnectToSign.tsx';
import { GiftForm } from './GiftForm.tsx';
import { PrizeOutcomeLine } from './PrizeOutcomeLine.tsx';
import { prizeActions } from './prizeActions.ts';
import type { PrizeOutcomeRecord } from './prizeOutcomes.ts';
import type { PrizeWallet } from './prizeWallet.ts';
import { usePrizeMove } from './usePrizeMove.ts';
import { usePrizeSigner } from './usePrizeSigner.ts';

export interface PrizeHoldingsProps {
  claimId: string;
  content: Prize;
  member: Address;
  wallet: PrizeWallet & { prizes: Address };
  outcome: PrizeOutcomeRecord | undefined;
}

/** A delivered prize as the chain sees it: units in the wallet (wagmi read), then gift and redeem. */
export function PrizeHoldings({ claimId, content, member, wallet, outcome }: PrizeHoldingsProps) {
  const t = useT();
  const tokenId = BigInt(content.tokenId);
  const balance = useReadContract({
    address: wallet.prizes,
    abi: prizesAbi,
    functionName: 'balanceOf',
    args: [member, tokenId],
    chainId: wallet.chainId,
  });
  const signer = usePrizeSigner(member);
  const [mode, setMode] = useState<'idle' | 'gift' | 'redeem'>('idle');
  const { move, busy, error, setError } = usePrizeMove({ claimId, tokenId, member, wallet }, () => {
    void balance.refetch();
  });
  const actions = prizeActions('delivered', content, { balance: balance.data, outcome: outcome?.kind });
  const offered = actions.gift || actions.redeem;
  const locale = useLayoverStore((state) => state.locale);
  // The local test wallet signs in this tab; a browser wallet asks the member first.
  const signsHere = signer.kind === 'ready' && typeof signer.account !== 'string';

  const run = async (kind: 'gifted' | 'redeemed', to?: Address) => {
    if (signer.kind === 'ready' && (await move(signer.account, kind, to))) setMode('idle');
  };

  return (
    <div className="prize-wallet" data-testid={`prize-wallet-${claimId}`}>
      <p
        className="prize-balance"
        data-testid={`prize-balance-${claimId}`}
        data-balance={balance.data?.toString() ?? ''}
      >
        {balance.data !== undefined
          ? t('prizes.balance', { count: balance.data.toString() })
          : t(balance.isError ? 'prizes.balanceUnavailable' : 'prizes.balanceLoading')}
      </p>
      {outcome && <PrizeOutcomeLine claimId={claimId} content={content} outcome={outcome} />}
      {!outcome && content.soulbound && <p className="prize-note">{t('prizes.soulbound')}</p>}
      {offered && signer.kind === 'disconnected' && <ConnectToSign onError={setError} />}
      {offered && signer.kind === 'otherAccount' && (
        <p className="prize-error">{t('prizes.error.wrongAccount', { address: member })}</p>
      )}
      {offered && signer.kind === 'ready' && mode === 'idle' && (
        <div className="prize-buttons">
          {actions.gift && (
            <button type="button" onClick={() => setMode('gift')} data-testid={`prize-gift-${claimId}`}>
              {t('prizes.gift')}
            </button>
          )}
          <button type="button" onClick={() => setMode('redeem')} data-testid={`prize-redeem-${claimId}`}>
            {t('prizes.redeem')}
          </button>
        </div>
      )}
      {offered && mode === 'gift' && (
        <GiftForm
          member={member}
          busy={busy}
          onSend={(to) => void run('gifted', to)}
          onCancel={() => setMode('idle')}
        />
      )}
      {offered && mode === 'redeem' && (
        <div className="prize-confirm">
          <p>{t('prizes.redeemConfirm', { prize: localize(content.name, locale) })}</p>
          <div className="prize-buttons">
            <button
              type="button"
              className="primary"
              onClick={() => void run('redeemed')}
              disabled={busy}
              data-testid={`prize-redeem-confirm-${claimId}`}
            >
              {t('prizes.redeemYes')}
            </button>
            <button type="button" onClick={() => setMode('idle')} disabled={busy}>
              {t('prizes.cancel')}
            </button>
          </div>
        </div>
      )}
      <p className="prize-status" role="status">
        {busy ? t(signsHere ? 'prizes.sending' : 'prizes.confirmInWallet') : ''}
      </p>
      {error && (
        <p className="prize-error" role="alert" data-testid={`prize-error-${claimId}`}>
          {t(error, { address: member })}
        </p>
      )}
    </div>
  );
}
