import { useEffect, useRef } from 'react';
import { localize } from '../../core/content.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { availability } from './availability.ts';
import { findItem } from './catalogueContent.ts';
import { PurchaseOutcome } from './PurchaseOutcome.tsx';
import type { CatalogueEntry, PurchaseEntry } from './pointsApi.ts';
import { pointsErrorKey, retryable } from './pointsErrors.ts';
import type { PurchaseStep } from './purchaseFlow.ts';

export interface CatalogueCardProps {
  entry: CatalogueEntry;
  balance: number;
  /** The Buy flow when it is about this item, else idle. */
  step: PurchaseStep<PurchaseEntry>;
  onBuy: () => void;
  onConfirm: () => void;
  onRetry: () => void;
  onCancel: () => void;
}

/** One reward: its price, stock and the member's limit; Buy, a confirm step naming the balance after, the result. */
export function CatalogueCard({
  entry,
  balance,
  step,
  onBuy,
  onConfirm,
  onRetry,
  onCancel,
}: CatalogueCardProps) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  const content = findItem(entry.id);
  const name = content ? localize(content.name, locale) : entry.id;
  const can = availability(entry, balance);
  const yes = useRef<HTMLButtonElement>(null);
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (step.step === 'confirm') yes.current?.focus();
    if (step.step === 'failed' || step.step === 'done') result.current?.focus();
  }, [step.step]);

  return (
    <li className="points-item" data-testid={`catalogue-${entry.id}`}>
      <h3 className="points-item-name">{name}</h3>
      {content && <p className="points-item-text">{localize(content.description, locale)}</p>}
      <p className="points-item-facts">
        <strong>{t('points.cost', { cost: entry.cost })}</strong>
        {entry.left !== null && (
          <span>{can.kind === 'soldOut' ? t('points.soldOut') : t('points.left', { left: entry.left })}</span>
        )}
        <span>{t('points.limit', { bought: entry.bought, limit: entry.perMemberLimit })}</span>
      </p>
      {can.kind === 'limit' && <p className="points-item-why">{t('points.limitReached')}</p>}
      {can.kind === 'short' && (
        <p className="points-item-why">{t('points.needMore', { missing: can.missing })}</p>
      )}
      {step.step === 'confirm' ? (
        <div className="points-confirm">
          <p>{t('points.confirm', { cost: entry.cost, item: name, after: balance - entry.cost })}</p>
          <button
            ref={yes}
            type="button"
            className="primary"
            onClick={onConfirm}
            data-testid={`buy-confirm-${entry.id}`}
          >
            {t('points.confirmYes')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('points.cancel')}
          </button>
        </div>
      ) : step.step === 'buying' ? (
        <p className="points-status" role="status">
          {t('points.buying')}
        </p>
      ) : step.step === 'failed' ? null : (
        <button
          type="button"
          className="primary"
          onClick={onBuy}
          disabled={can.kind !== 'available'}
          aria-label={t('points.buyItem', { item: name })}
          data-testid={`buy-${entry.id}`}
        >
          {t('points.buy')}
        </button>
      )}
      <div ref={result} tabIndex={-1} className="points-result" data-testid={`buy-result-${entry.id}`}>
        {step.step === 'failed' && (
          <div role="alert" data-code={step.code}>
            <p className="points-error">{t(pointsErrorKey(step.code))}</p>
            {retryable(step.code) && (
              <button
                type="button"
                className="primary"
                onClick={onRetry}
                data-testid={`buy-retry-${entry.id}`}
              >
                {t('points.retry')}
              </button>
            )}
            <button type="button" onClick={onCancel} data-testid={`buy-dismiss-${entry.id}`}>
              {t(retryable(step.code) ? 'points.cancel' : 'points.close')}
            </button>
          </div>
        )}
        {step.step === 'done' && (
          <div role="status">
            <p className="points-done">{t('points.bought', { item: name })}</p>
            <PurchaseOutcome purchase={step.purchase} />
          </div>
        )}
      </div>
    </li>
  );
}
