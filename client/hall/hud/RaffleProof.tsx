import { useT } from '../../core/i18n/useT.ts';
import type { StageDropView } from '../eventView.ts';

/** A raffle's fairness proof: the seed's hash, published at opening, and the seed itself once drawn. */
export function RaffleProof({ drop }: { drop: StageDropView }) {
  const t = useT();
  if (!drop.commit) return null;
  return (
    <div className="raffle-proof" data-testid="raffle-proof">
      <dl>
        <dt>{t('event.drop.commit')}</dt>
        <dd>
          <code data-testid="raffle-commit">{drop.commit}</code>
        </dd>
        {drop.seed && (
          <>
            <dt>{t('event.drop.seed')}</dt>
            <dd>
              <code data-testid="raffle-seed">{drop.seed}</code>
            </dd>
          </>
        )}
      </dl>
      <p className="raffle-hint">{t(drop.seed ? 'event.drop.proofCheck' : 'event.drop.proofHint')}</p>
    </div>
  );
}
