import { useContent } from '../../core/content/useContent.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { itemName } from './catalogueContent.ts';
import { loadErrorKey } from './pointsErrors.ts';
import { signedAmount } from './pointsFormat.ts';
import { reasonText } from './reasonText.ts';
import type { PointsSummaryState } from './usePointsSummary.ts';

export interface PointsHistoryProps {
  summary: PointsSummaryState;
}

/** The Points tab: every movement of the balance, newest first, with where it came from; older pages on demand. */
export function PointsHistory({ summary }: PointsHistoryProps) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  useContent();
  const { history, error, loadingMore, loadMore } = summary;
  if (!history) {
    return (
      <p className="points-status" role={error ? 'alert' : undefined}>
        {error ? t(loadErrorKey(error)) : t('points.loading')}
      </p>
    );
  }
  return (
    <section className="points-history" aria-label={t('points.history')}>
      {history.lines.length === 0 ? (
        <p className="points-status">{t('points.historyEmpty')}</p>
      ) : (
        <ol className="points-lines" data-testid="points-history">
          {history.lines.map((line) => (
            <li
              key={line.id}
              className="points-line"
              data-testid={`points-line-${line.id}`}
              data-reason={line.reason.code}
            >
              <span className="points-reason">{reasonText(line.reason, { t, locale, itemName })}</span>
              <span className={line.amount < 0 ? 'points-amount spent' : 'points-amount'}>
                {signedAmount(line.amount, locale)}
              </span>
              <span className="points-date">{t('points.lineDate', { at: line.at })}</span>
            </li>
          ))}
        </ol>
      )}
      {error && (
        <p className="points-error" role="alert">
          {t(loadErrorKey(error))}
        </p>
      )}
      {history.nextBefore !== null && (
        <button
          type="button"
          className="points-more"
          onClick={loadMore}
          disabled={loadingMore}
          data-testid="points-show-more"
        >
          {t(loadingMore ? 'points.loadingMore' : 'points.showMore')}
        </button>
      )}
    </section>
  );
}
