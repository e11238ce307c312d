import { type CSSProperties, useState } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { QuestPanelFrame } from '../../core/ui/QuestPanelFrame.tsx';
import { PointsCard } from '../points/PointsCard.tsx';
import { PointsHistory } from '../points/PointsHistory.tsx';
import { RewardsTab } from '../points/RewardsTab.tsx';
import { usePointsSummary } from '../points/usePointsSummary.ts';
import { type PassportTab, PassportTabs } from './PassportTabs.tsx';
import { PrizeList } from './PrizeList.tsx';
import { StampBook } from './StampBook.tsx';
import { StatusSummary } from './StatusSummary.tsx';

export interface PassportPanelProps {
  id: string;
  onClose: () => void;
  style?: CSSProperties;
}

/** The passport: status, points and member number, then the stamp book, prizes, points history or rewards. */
export function PassportPanel({ id, onClose, style }: PassportPanelProps) {
  const t = useT();
  const snapshot = useLayoverStore((state) => state.passport);
  const [tab, setTab] = useState<PassportTab>('stamps');
  const points = usePointsSummary();
  const tabPanelId = `${id}-tab`;
  return (
    <QuestPanelFrame id={id} title={t('passport.heading')} onClose={onClose} style={style} testId="passport">
      {snapshot ? (
        <>
          <StatusSummary status={snapshot.status} points={snapshot.points} />
          <PointsCard summary={points} balance={snapshot.points} />
          <PassportTabs selected={tab} onSelect={setTab} panelId={tabPanelId} />
          <div
            id={tabPanelId}
            role="tabpanel"
            aria-labelledby={`${tabPanelId}-${tab}`}
            className="passport-page"
          >
            {tab === 'stamps' && <StampBook earned={snapshot.stamps} />}
            {tab === 'prizes' && <PrizeList prizes={snapshot.prizes ?? []} />}
            {tab === 'points' && <PointsHistory summary={points} />}
            {tab === 'rewards' && <RewardsTab />}
          </div>
        </>
      ) : (
        <p className="quest-loading">{t('quests.loading')}</p>
      )}
    </QuestPanelFrame>
  );
}
