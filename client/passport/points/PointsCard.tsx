import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { CopyText } from './CopyText.tsx';
import { partnerDesks } from './partnerDesks.ts';
import { listOf, utcDay } from './pointsFormat.ts';
import type { PointsSummaryState } from './usePointsSummary.ts';

export interface PointsCardProps {
  summary: PointsSummaryState;
  balance: number;
}

/** Under the balance: the member number to give at partner desks, points about to expire, a balance below zero. */
export function PointsCard({ summary, balance }: PointsCardProps) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  const { memberNumber, expiring } = summary;
  return (
    <div className="points-card" data-testid="points-card">
      {memberNumber && (
        <>
          <p className="points-number">
            <span className="points-number-label">{t('points.memberNumber')}</span>
            <CopyText
              value={memberNumber}
              label={t('points.copyNumber')}
              copiedLabel={t('points.numberCopied')}
              testId="points-member-number"
            />
          </p>
          <p className="points-hint">
            {t('points.memberNumberHint', { partners: listOf(partnerDesks(), locale) })}
          </p>
        </>
      )}
      {expiring && (
        <p className="points-notice" role="note" data-testid="points-expiring">
          {t('points.expiring', { amount: expiring.amount, on: utcDay(expiring.on) })}
        </p>
      )}
      {balance < 0 && (
        <p className="points-notice" role="note" data-testid="points-negative">
          {t('points.negative')}
        </p>
      )}
    </div>
  );
}
