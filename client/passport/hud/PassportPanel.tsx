import { type CSSProperties, useState } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { QuestPanelFrame } from '../../core/ui/QuestPanelFrame.tsx';
import { type PassportTab, PassportTabs } from './PassportTabs.tsx';
import { PrizeList } from './PrizeList.tsx';
import { StampBook } from './StampBook.tsx';
import { StatusSummary } from './StatusSummary.tsx';

export interface PassportPanelProps {
  id: string;
  onClose: () => void;
  style?: CSSProperties;
}

/** The passport: status and points, then the stamp book or the prizes won. */
export function PassportPanel({ id, onClose, style }: PassportPanelProps) {
  const t = useT();
  const snapshot = useLayoverStore((state) => state.passport);
  const [tab, setTab] = useState<PassportTab>('stamps');
  const tabPanelId = `${id}-tab`;
  return (
    <QuestPanelFrame id={id} title={t('passport.heading')} onClose={onClose} style={style} testId="passport">
      {snapshot ? (
        <>
          <StatusSummary status={snapshot.status} points={snapshot.points} />
          <PassportTabs selected={tab} onSelect={setTab} panelId={tabPanelId} />
          <div
            id={tabPanelId}
            role="tabpanel"
            aria-labelledby={`${tabPanelId}-${tab}`}
            className="passport-page"
          >
            {tab === 'stamps' ? (
              <StampBook earned={snapshot.stamps} />
            ) : (
              <PrizeList prizes={snapshot.prizes ?? []} />
            )}
          </div>
        </>
      ) : (
        <p className="quest-loading">{t('quests.loading')}</p>
      )}
    </QuestPanelFrame>
  );
}
