import { useState } from 'react';
import type { LiveEventStatus } from '../../../shared/content/live-events.ts';
import { listEvents } from '../api.ts';
import { useT } from '../i18n/useT.ts';
import { formatWhen } from '../localTime.ts';
import { useConsoleStore } from '../store.ts';
import { useRemote } from '../useRemote.ts';
import { AnalyticsPanel } from './AnalyticsPanel.tsx';
import { LivePanel } from './LivePanel.tsx';

/** One event: what it is, the hall live, and the charts of how it went. */
export function EventPage({ eventId }: { eventId: string }) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const show = useConsoleStore((state) => state.show);
  const events = useRemote(listEvents, 'events');
  const event = events.data?.events.find((candidate) => candidate.id === eventId);
  const [liveStatus, setLiveStatus] = useState<LiveEventStatus | undefined>();
  const status = liveStatus ?? event?.status;

  return (
    <article className="event-page" aria-labelledby="event-heading" data-testid="console-event-page">
      <button type="button" className="link" onClick={() => show({ page: 'events' })}>
        ← {t('nav.back')}
      </button>
      <header className="event-head">
        <h2 id="event-heading">{event?.title ?? eventId}</h2>
        {event && (
          <p>
            <span className={`status status-${status ?? event.status}`}>
              {t(`status.${status ?? event.status}`)}
            </span>{' '}
            <time dateTime={event.startsAt}>{formatWhen(event.startsAt, locale)}</time> ·{' '}
            {t(`hall.${event.hall}`)}
          </p>
        )}
        {event?.description && <p className="hint">{event.description}</p>}
      </header>
      <LivePanel eventId={eventId} status={status} onStatus={setLiveStatus} />
      <AnalyticsPanel eventId={eventId} />
    </article>
  );
}
