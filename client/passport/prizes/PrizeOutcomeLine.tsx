import type { Prize } from '../../../shared/content/prizes.ts';
import { localize } from '../../core/content.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { TxHash } from '../hud/TxHash.tsx';
import type { PrizeOutcomeRecord } from './prizeOutcomes.ts';

export interface PrizeOutcomeLineProps {
  claimId: string;
  content: Prize;
  outcome: PrizeOutcomeRecord;
}

/** What the member did with the prize: its perk as redeemed, or who it went to, with the transaction. */
export function PrizeOutcomeLine({ claimId, content, outcome }: PrizeOutcomeLineProps) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  const text =
    outcome.kind === 'redeemed'
      ? t('prizes.redeemed', { perk: localize(content.perk, locale) })
      : t('prizes.gifted', { address: outcome.to ?? '' });
  return (
    <div className="prize-outcome" data-testid={`prize-outcome-${claimId}`} data-outcome={outcome.kind}>
      <p>
        {text} <TxHash hash={outcome.txHash} testId={`prize-outcome-tx-${claimId}`} />
      </p>
    </div>
  );
}
