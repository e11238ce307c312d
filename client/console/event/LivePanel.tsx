import { useEffect } from 'react';
import type { LiveEventStatus } from '../../../shared/content/live-events.ts';
import { fetchLive } from '../api.ts';
import { useT } from '../i18n/useT.ts';
import { useRemote } from '../useRemote.ts';
import { BanList } from './BanList.tsx';
import { DropTable } from './DropTable.tsx';
import { InstanceList } from './InstanceList.tsx';
import { QuestionList } from './QuestionList.tsx';
import { ReportList } from './ReportList.tsx';

/** How often the live view refreshes while the event is on and the tab is visible. */
export const LIVE_POLL_MS = 2500;

export interface LivePanelProps {
  eventId: string;
  status: LiveEventStatus | undefined;
  /** Told the status each poll sees, so the page header follows an event that goes live or ends. */
  onStatus: (status: LiveEventStatus) => void;
}

/** The hall right now, across instances: polled while the event is live, loaded once otherwise. */
export function LivePanel({ eventId, status, onStatus }: LivePanelProps) {
  const t = useT();
  const polling = status === 'live' || status === 'scheduled';
  const live = useRemote((token) => fetchLive(token, eventId), eventId, polling ? LIVE_POLL_MS : undefined);
  const view = live.data;
  const seen = view?.status;
  useEffect(() => {
    if (seen) onStatus(seen);
  }, [seen, onStatus]);

  return (
    <section className="live" aria-labelledby="live-heading" data-testid="console-live">
      <div className="section-head">
        <h2 id="live-heading">{t('live.heading')}</h2>
        {view && (
          <p className="present" data-testid="console-present">
            {t('live.present', { count: view.present })}
          </p>
        )}
        {live.updatedAt && (
          <p className="hint" aria-live="off">
            {t('live.updated', { time: live.updatedAt })}
          </p>
        )}
      </div>
      {live.error && (
        <p role="alert" className="error">
          {t(`error.${live.error}`)}
        </p>
      )}
      {!view && !live.error && <p className="hint">{t('nav.loading')}</p>}
      {view && (
        <div className="panel-grid">
          <InstanceList instances={view.instances} />
          <QuestionList questions={view.questions} />
          <DropTable drops={view.drops} />
          <ReportList reports={view.reports} />
          <BanList eventId={eventId} bans={view.bans} onChanged={live.reload} />
        </div>
      )}
    </section>
  );
}
