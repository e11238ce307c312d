import { localize } from '../../core/content.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { CopyText } from './CopyText.tsx';
import { findItem, itemName } from './catalogueContent.ts';
import { partnerName } from './partnerDesks.ts';
import type { PurchaseEntry } from './pointsApi.ts';
import { formatNumber, utcDay } from './pointsFormat.ts';

export interface PurchaseOutcomeProps {
  purchase: PurchaseEntry;
}

/** What a purchase gave: a perk code to copy, a prize on its way, a raffle entry, miles sent, or points back. */
export function PurchaseOutcome({ purchase }: PurchaseOutcomeProps) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  const reward = findItem(purchase.itemId)?.reward;
  const testId = `purchase-outcome-${purchase.id}`;
  if (purchase.status === 'refunded') {
    return (
      <p className="points-outcome" data-testid={testId} data-outcome="refunded">
        {t('points.refunded')}
      </p>
    );
  }
  if (purchase.perkCode) {
    return (
      <p className="points-outcome" data-testid={testId} data-outcome="perk">
        <span>{t('points.perkCode')}</span>{' '}
        <CopyText
          value={purchase.perkCode}
          label={t('points.copyCode')}
          copiedLabel={t('points.codeCopied')}
          testId={`purchase-code-${purchase.id}`}
        />
      </p>
    );
  }
  if (reward?.type === 'prize' || purchase.delivery) {
    const state = t(`chain.${purchase.delivery ?? 'queued'}`);
    return (
      <p className="points-outcome" data-testid={testId} data-outcome="prize" data-state={purchase.delivery}>
        {t('points.prizeOnWay', { state })}
      </p>
    );
  }
  if (reward?.type === 'raffle') {
    return (
      <p className="points-outcome" data-testid={testId} data-outcome="raffle">
        {t('points.raffleEntry', { on: utcDay(reward.drawsOn) })}
      </p>
    );
  }
  if (reward?.type === 'partnerTransfer') {
    const amount = `${formatNumber(reward.partnerUnits, locale)} ${localize(reward.unitName, locale)}`;
    return (
      <p className="points-outcome" data-testid={testId} data-outcome="transfer">
        {t('points.transferSent', { amount, partner: partnerName(reward.partnerId) })}
      </p>
    );
  }
  return (
    <p className="points-outcome" data-testid={testId} data-outcome="done">
      {t('points.bought', { item: itemName(purchase.itemId, locale) })}
    </p>
  );
}
