import type { QuestsSnapshot } from '../../../shared/protocol/quests.ts';
import { useContent } from '../../core/content/useContent.ts';
import { levelName } from '../../core/content.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { utcDay } from './pointsFormat.ts';

export interface QualifyingLinesProps {
  qualifying: QuestsSnapshot['status']['qualifying'];
}

/** Status by qualifying points: until when points hold the level, and how many more this year reach the next. */
export function QualifyingLines({ qualifying }: QualifyingLinesProps) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  useContent();
  if (!qualifying) return null;
  const { until, next } = qualifying;
  return (
    <>
      {until && (
        <p className="status-next" data-testid="passport-qualified-until">
          {t('points.qualifiedUntil', { on: utcDay(until) })}
        </p>
      )}
      {next && (
        <p className="status-next" data-testid="passport-points-to-next">
          {t('points.toNextByPoints', { needs: next.needs, level: levelName(next.level, locale) })}
        </p>
      )}
    </>
  );
}
