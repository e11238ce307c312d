import type { Address } from 'viem';
import type { PrizeView } from '../../../shared/protocol/quests.ts';
import type { RelayPrizeView } from '../../../shared/protocol/relay.ts';
import { useT } from '../../core/i18n/useT.ts';
import { MyPerks } from '../perks/MyPerks.tsx';
import { PrizeHoldingCard } from '../prizes/PrizeHoldingCard.tsx';
import { holdingKey, usePrizeOutcomes } from '../prizes/prizeOutcomes.ts';
import { RecentMoves } from '../prizes/RecentMoves.tsx';
import { useRelayOverview } from '../prizes/useRelayOverview.ts';
import { PrizeRow } from './PrizeRow.tsx';
import '../prizes/prizes.css';

export interface PrizeListProps {
  prizes: readonly PrizeView[];
}

/** Won prizes still on their way to the member (minting, failed, or waiting for them to keep their account). */
function onTheWay(prize: PrizeView): boolean {
  return (
    prize.state === 'queued' || prize.state === 'minting' || prize.state === 'failed' || !!prize.keepAccountBy
  );
}

/**
 * The Prizes tab: each prize where it is now (held by Layover, the brand's custody, or the member's wallet) with
 * Redeem and Gift at no gas to the member, the prizes still on their way, recent moves, then My perks. Until the
 * server says where they are (or if it cannot), the won prizes are listed as before, without actions.
 */
export function PrizeList({ prizes }: PrizeListProps) {
  const t = useT();
  const { overview, reload } = useRelayOverview();
  const outcomes = usePrizeOutcomes((state) => state.byHolding);
  const newestFirst = [...prizes].reverse();

  if (!overview) {
    return (
      <>
        {prizes.length === 0 ? (
          <p className="prizes-empty">{t('passport.noPrizes')}</p>
        ) : (
          <ul className="prizes" aria-busy="true">
            {newestFirst.map((prize) => (
              <PrizeRow key={prize.claimId} prize={prize} />
            ))}
          </ul>
        )}
        <MyPerks />
      </>
    );
  }

  const holdings: RelayPrizeView[] = overview.prizes.filter(
    (holding) => holding.amount > 0 || outcomes[holdingKey(holding.prizeId, holding.where)],
  );
  // A card this tab used up stays with what it did (the gift link to send), even once the server lists it no more.
  for (const action of Object.values(outcomes)) {
    if (
      !holdings.some(
        (holding) => holdingKey(holding.prizeId, holding.where) === holdingKey(action.prizeId, action.where),
      )
    )
      holdings.push({ prizeId: action.prizeId, tokenId: 0, where: action.where, amount: 0, giftable: false });
  }
  const coming = newestFirst.filter(onTheWay);
  const wallet = (overview.wallet ?? null) as Address | null;
  return (
    <>
      <section className="prizes-section" aria-labelledby="prizes-yours-heading" data-testid="prize-holdings">
        <h3 id="prizes-yours-heading" className="prizes-heading">
          {t('rewards.yours')}
        </h3>
        <p className="prizes-usage" data-testid="prizes-usage">
          {t('rewards.usage', { used: overview.usedToday, limit: overview.dailyLimit })}
        </p>
        {holdings.length === 0 ? (
          <p className="prizes-empty">{t('passport.noPrizes')}</p>
        ) : (
          <ul className="prizes">
            {holdings.map((holding) => (
              <PrizeHoldingCard
                key={holdingKey(holding.prizeId, holding.where)}
                holding={holding}
                wallet={wallet}
                onMoved={reload}
              />
            ))}
          </ul>
        )}
      </section>
      {coming.length > 0 && (
        <section className="prizes-section" aria-labelledby="prizes-coming-heading">
          <h3 id="prizes-coming-heading" className="prizes-heading">
            {t('rewards.onTheWay')}
          </h3>
          <ul className="prizes">
            {coming.map((prize) => (
              <PrizeRow
                key={prize.claimId}
                prize={prize}
                chainLabel={
                  prize.keepAccountBy
                    ? t('rewards.keepAccount')
                    : prize.waitingForBrand
                      ? t('rewards.waitingForBrand')
                      : undefined
                }
              />
            ))}
          </ul>
        </section>
      )}
      {overview.actions.length > 0 && <RecentMoves actions={overview.actions} />}
      <MyPerks />
    </>
  );
}
