import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { itemName } from './catalogueContent.ts';
import { PurchaseOutcome } from './PurchaseOutcome.tsx';
import type { PurchaseEntry } from './pointsApi.ts';

export interface MyRewardsProps {
  purchases: readonly PurchaseEntry[];
}

/** What the member bought, newest first: each with its code, delivery, raffle entry or transfer. */
export function MyRewards({ purchases }: MyRewardsProps) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  return (
    <section className="points-mine" aria-labelledby="points-mine-heading">
      <h3 id="points-mine-heading" className="points-heading">
        {t('points.myRewards')}
      </h3>
      {purchases.length === 0 ? (
        <p className="points-status">{t('points.myRewardsEmpty')}</p>
      ) : (
        <ul className="points-purchases" data-testid="my-rewards">
          {purchases.map((purchase) => (
            <li key={purchase.id} className="points-purchase" data-testid={`purchase-${purchase.itemId}`}>
              <p className="points-item-name">{itemName(purchase.itemId, locale)}</p>
              <p className="points-date">
                {t('points.boughtOn', { at: purchase.createdAt, cost: purchase.cost })}
              </p>
              <PurchaseOutcome purchase={purchase} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
