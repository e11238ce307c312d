import type { CSSProperties } from 'react';
import { ContentUnavailable } from '../../core/content/ContentUnavailable.tsx';
import { useContent } from '../../core/content/useContent.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { QuestPanelFrame } from '../../core/ui/QuestPanelFrame.tsx';
import { unstartedJourney } from '../unstartedJourney.ts';
import { JourneyCard } from './JourneyCard.tsx';

export interface JournalPanelProps {
  id: string;
  onClose: () => void;
  style?: CSSProperties;
}

/** Every journey in content order, with its status and each step's progress, from the latest snapshot. */
export function JournalPanel({ id, onClose, style }: JournalPanelProps) {
  const t = useT();
  const snapshot = useLayoverStore((state) => state.passport);
  const quests = useContent()?.quests ?? [];
  return (
    <QuestPanelFrame
      id={id}
      title={t('journal.heading')}
      onClose={onClose}
      style={style}
      testId="journal"
      focusableBody
    >
      <ContentUnavailable />
      {snapshot ? (
        <ul className="journeys">
          {quests.map((quest) => {
            const view =
              snapshot.quests.find((candidate) => candidate.id === quest.id) ??
              unstartedJourney(quest, snapshot, Date.now());
            return <JourneyCard key={quest.id} quest={quest} view={view} snapshot={snapshot} />;
          })}
        </ul>
      ) : (
        <p className="quest-loading">{t('quests.loading')}</p>
      )}
    </QuestPanelFrame>
  );
}
