import type { Quest } from '../../../shared/content/quest-schema.ts';
import type { QuestsSnapshot } from '../../../shared/protocol/quests.ts';
import { localize } from '../../core/content.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { journeyStatus, journeyStatusText, type QuestView } from '../journeyStatus.ts';
import { StepRow } from './StepRow.tsx';

export interface JourneyCardProps {
  quest: Quest;
  view: QuestView;
  snapshot: QuestsSnapshot;
}

/** One journey: title, status line, description and its steps. */
export function JourneyCard({ quest, view, snapshot }: JourneyCardProps) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  const title = localize(quest.title, locale);
  const status = journeyStatus(view, quest, snapshot);
  return (
    <li
      className={`journey journey-${status.kind}`}
      data-testid={`journey-${quest.id}`}
      data-status={view.status}
    >
      <div className="journey-head">
        <h3>{title}</h3>
        <p className="journey-status" data-testid={`journey-status-${quest.id}`}>
          {journeyStatusText(status, locale)}
        </p>
      </div>
      <p className="journey-description">{localize(quest.description, locale)}</p>
      <ol className="steps" aria-label={t('journal.steps', { quest: title })}>
        {quest.steps.map((step) => {
          const progress = view.steps.find((candidate) => candidate.id === step.id);
          return (
            <StepRow
              key={step.id}
              testId={`step-${quest.id}-${step.id}`}
              label={localize(step.label, locale)}
              progress={progress?.progress ?? 0}
              target={progress?.target ?? step.count}
            />
          );
        })}
      </ol>
    </li>
  );
}
