import type { RelayActionView } from '../../../shared/protocol/relay.ts';
import { useContent } from '../../core/content/useContent.ts';
import { findPrize, localize } from '../../core/content.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { shortHash } from '../formatDate.ts';

export interface RecentMovesProps {
  actions: readonly RelayActionView[];
}

/** The member's last redeems, gifts and claims, each with where it stands (a failed one lost nothing). */
export function RecentMoves({ actions }: RecentMovesProps) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  useContent();
  return (
    <section className="prizes-section" aria-labelledby="prize-moves-heading">
      <h3 id="prize-moves-heading" className="prizes-heading">
        {t('rewards.activity')}
      </h3>
      <ul className="prize-moves" data-testid="prize-moves">
        {actions.map((action) => {
          const found = findPrize(action.prizeId);
          const prize = found ? localize(found.name, locale) : action.prizeId;
          const line =
            action.kind === 'redeem'
              ? t('rewards.action.redeem', { prize })
              : action.kind === 'claim'
                ? t('rewards.action.claim', { prize })
                : action.to
                  ? t('rewards.action.gift', { prize, address: shortHash(action.to) })
                  : t('rewards.action.giftLink', { prize });
          return (
            <li key={action.id} data-status={action.status} data-kind={action.kind}>
              {line} · {t(`rewards.status.${action.status}`)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
