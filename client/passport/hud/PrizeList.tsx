import { lazy, Suspense } from 'react';
import type { PrizeView } from '../../../shared/protocol/quests.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { PrizeRow } from './PrizeRow.tsx';

/** The wallet stack (wagmi, viem, the Prizes ABI) loads only when a member with a wallet opens this tab. */
const PrizeWalletList = lazy(() => import('../prizes/PrizeWalletList.tsx'));

export interface PrizeListProps {
  prizes: readonly PrizeView[];
}

/** Prizes won, newest first, each with its perk and delivery; with a wallet, also its balance, gift and redeem. */
export function PrizeList({ prizes }: PrizeListProps) {
  const t = useT();
  const address = useLayoverStore((state) => state.member?.address ?? null);
  if (prizes.length === 0) return <p className="prizes-empty">{t('passport.noPrizes')}</p>;
  const newestFirst = [...prizes].reverse();
  const plain = (
    <ul className="prizes">
      {newestFirst.map((prize) => (
        <PrizeRow key={prize.claimId} prize={prize} />
      ))}
    </ul>
  );
  if (!address) return plain;
  return (
    <Suspense fallback={plain}>
      <PrizeWalletList prizes={newestFirst} address={address} />
    </Suspense>
  );
}
