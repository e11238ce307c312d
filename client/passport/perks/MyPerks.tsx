import { useT } from '../../core/i18n/useT.ts';
import { PerkCard } from './PerkCard.tsx';
import { perkErrorKey } from './perkErrors.ts';
import { usePerks } from './usePerks.ts';
import './perks.css';

/** "My perks": what redeemed prizes gave, newest first, each ready, used or expired. */
export function MyPerks() {
  const t = useT();
  const { perks, error, replace } = usePerks();
  return (
    <section className="perks" aria-labelledby="my-perks-heading" data-testid="my-perks">
      <h3 id="my-perks-heading" className="prizes-heading">
        {t('perks.heading')}
      </h3>
      {perks === null ? (
        <p className="perks-status" role={error ? 'alert' : undefined}>
          {error ? t(error === 'network' ? perkErrorKey(error) : 'perks.loadFailed') : t('perks.loading')}
        </p>
      ) : perks.length === 0 ? (
        <p className="perks-status">{t('perks.empty')}</p>
      ) : (
        <ul className="perk-list">
          {perks.map((perk) => (
            <PerkCard key={perk.id} perk={perk} onChange={replace} />
          ))}
        </ul>
      )}
    </section>
  );
}
