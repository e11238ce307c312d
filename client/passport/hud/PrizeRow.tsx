import type { ReactNode } from 'react';
import type { PrizeView } from '../../../shared/protocol/quests.ts';
import { useContent } from '../../core/content/useContent.ts';
import { findPrize, localize } from '../../core/content.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { ChainState } from './ChainState.tsx';

export interface PrizeRowProps {
  prize: PrizeView;
  /** The status line's words when the member has since redeemed or gifted the prize. */
  chainLabel?: string | undefined;
  /** What the wallet says about it: the balance, and gift and redeem (loaded with the wallet stack). */
  children?: ReactNode;
}

/** One prize: its name and perk, when it was won, and where it stands on its way to the wallet. */
export function PrizeRow({ prize, chainLabel, children }: PrizeRowProps) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  useContent();
  const content = findPrize(prize.prizeId);
  return (
    <li className="prize" data-testid={`prize-${prize.prizeId}`} data-state={prize.state}>
      <h3 className="prize-name">{content ? localize(content.name, locale) : prize.prizeId}</h3>
      {content && <p className="prize-perk">{localize(content.perk, locale)}</p>}
      <p className="prize-won">{t('passport.prizeWonOn', { date: prize.wonAt })}</p>
      <ChainState
        state={prize.state}
        txHash={prize.txHash}
        testId={`prize-chain-${prize.claimId}`}
        label={chainLabel}
      />
      {children}
    </li>
  );
}
