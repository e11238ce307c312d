import { useReducer } from 'react';
import { ApiError } from '../../core/http.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { CatalogueCard } from './CatalogueCard.tsx';
import { MyRewards } from './MyRewards.tsx';
import { buyItem, type PurchaseEntry } from './pointsApi.ts';
import { loadErrorKey } from './pointsErrors.ts';
import { initialPurchaseFlow, type PurchaseFlow, purchaseReducer } from './purchaseFlow.ts';
import { useRewards } from './useRewards.ts';
import './points.css';

const IDLE = { step: 'idle' } as const;

/** The Rewards tab: the catalogue to spend points in, then the member's own rewards. */
export function RewardsTab() {
  const t = useT();
  const token = useLayoverStore((state) => state.token);
  const balance = useLayoverStore((state) => state.passport?.points ?? 0);
  const { items, purchases, error, reload } = useRewards();
  const [flow, dispatch] = useReducer(
    purchaseReducer<PurchaseEntry>,
    undefined,
    initialPurchaseFlow<PurchaseEntry>,
  );

  // Sends the flow's id: the same one on a retry, so a lost answer never turns into a second purchase.
  const send = (current: PurchaseFlow<PurchaseEntry>) => {
    const view = current.view;
    if (!token || (view.step !== 'confirm' && view.step !== 'failed')) return;
    dispatch({ type: view.step === 'confirm' ? 'confirm' : 'retry' });
    buyItem(token, view.itemId, view.purchaseId)
      .then(
        ({ purchase }) => dispatch({ type: 'succeeded', purchase }),
        (failure: unknown) =>
          dispatch({ type: 'failed', code: failure instanceof ApiError ? failure.code : 'internal' }),
      )
      .finally(reload);
  };

  if (!items || !purchases) {
    return <p className="points-status">{error ? t(loadErrorKey(error)) : t('points.loading')}</p>;
  }
  return (
    <div className="points-rewards">
      <section aria-labelledby="points-catalogue-heading">
        <h3 id="points-catalogue-heading" className="points-heading">
          {t('points.catalogue')}
        </h3>
        {items.length === 0 ? (
          <p className="points-status">{t('points.catalogueEmpty')}</p>
        ) : (
          <ul className="points-items">
            {items.map((entry) => (
              <CatalogueCard
                key={entry.id}
                entry={entry}
                balance={balance}
                step={flow.view.step !== 'idle' && flow.view.itemId === entry.id ? flow.view : IDLE}
                onBuy={() => dispatch({ type: 'choose', itemId: entry.id, newId: crypto.randomUUID() })}
                onConfirm={() => send(flow)}
                onRetry={() => send(flow)}
                onCancel={() => dispatch({ type: 'cancel' })}
              />
            ))}
          </ul>
        )}
      </section>
      <MyRewards purchases={purchases} />
    </div>
  );
}
