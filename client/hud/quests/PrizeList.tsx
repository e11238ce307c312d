import type { PrizeView } from '../../../shared/protocol/quests.ts';
import { useT } from '../../i18n/useT.ts';
import { PrizeRow } from './PrizeRow.tsx';

export interface PrizeListProps {
  prizes: readonly PrizeView[];
}

/** Prizes won, newest first, each with its perk and delivery. */
export function PrizeList({ prizes }: PrizeListProps) {
  const t = useT();
  if (prizes.length === 0) return <p className="prizes-empty">{t('passport.noPrizes')}</p>;
  return (
    <ul className="prizes">
      {[...prizes].reverse().map((prize) => (
        <PrizeRow key={prize.claimId} prize={prize} />
      ))}
    </ul>
  );
}
