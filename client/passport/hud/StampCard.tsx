import type { Stamp } from '../../../shared/content/quest-schema.ts';
import type { QuestsSnapshot } from '../../../shared/protocol/quests.ts';
import { localize, stampArtUrl } from '../../core/content.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { placeName } from '../placeName.ts';
import { ChainState } from './ChainState.tsx';

export interface StampCardProps {
  stamp: Stamp;
  earned: QuestsSnapshot['stamps'][number] | undefined;
}

/** One page slot: the stamp's art, name, when and where it was earned, and where its token stands. */
export function StampCard({ stamp, earned }: StampCardProps) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  const celebrating = useLayoverStore((state) => state.celebration?.stampId === stamp.id);
  const classes = ['stamp', earned ? 'earned' : 'unearned', celebrating ? 'just-earned' : ''];
  const date = earned?.earnedAt ?? 0;
  return (
    <li
      className={classes.join(' ').trim()}
      data-testid={`stamp-${stamp.id}`}
      data-earned={String(earned !== undefined)}
    >
      <img className="stamp-art" src={stampArtUrl(stamp)} alt="" width={96} height={96} />
      <h3 className="stamp-name">{localize(stamp.name, locale)}</h3>
      {earned ? (
        <>
          <p className="stamp-earned">
            {earned.where
              ? t('passport.earnedWhere', { date, place: placeName(earned.where, locale) })
              : t('passport.earned', { date })}
          </p>
          <ChainState state={earned.chain} txHash={earned.txHash} testId={`stamp-chain-${stamp.id}`} />
        </>
      ) : (
        <p className="stamp-earned">{t('passport.notEarned')}</p>
      )}
    </li>
  );
}
