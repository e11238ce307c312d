import type { QuestsSnapshot } from '../../../shared/protocol/quests.ts';
import { useContent } from '../../core/content/useContent.ts';
import { levelName } from '../../core/content.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { QualifyingLines } from '../points/QualifyingLines.tsx';
import { perkLines, statusPerks } from '../statusPerks.ts';

export interface StatusSummaryProps {
  status: QuestsSnapshot['status'];
  points: number;
}

/** Status level, how far to the next one, the perks of both, and points. */
export function StatusSummary({ status, points }: StatusSummaryProps) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  const statusLevels = useContent()?.statusLevels ?? [];
  const next = status.next;
  const perks = statusPerks(statusLevels, status.level, next?.level ?? null);
  const perksText = perkLines(perks, next ? levelName(next.level, locale) : '', t, locale);
  return (
    <div className="status-summary" data-testid="passport-status">
      <p className="status-level">{t('passport.level', { level: levelName(status.level, locale) })}</p>
      <p className="status-points" data-testid="passport-points">
        {t('passport.points', { points })}
      </p>
      {next ? (
        <>
          <p className="status-next">
            {t('passport.toNext', {
              stamps: status.stamps,
              needed: next.minStamps,
              level: levelName(next.level, locale),
            })}
          </p>
          <progress className="status-bar" value={status.stamps} max={next.minStamps} aria-hidden="true" />
        </>
      ) : (
        <p className="status-next">{t('passport.topLevel')}</p>
      )}
      <QualifyingLines qualifying={status.qualifying} />
      {perksText.map((line) => (
        <p key={line} className="status-next status-perks" data-testid="passport-perks">
          {line}
        </p>
      ))}
    </div>
  );
}
