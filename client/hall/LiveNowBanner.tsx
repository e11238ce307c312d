import { useEffect, useState } from 'react';
import { useT } from '../core/i18n/useT.ts';
import { useLayoverStore } from '../core/store.ts';
import { EnterHallButton } from './hud/EnterHallButton.tsx';
import { hallLabelKey } from './hud/hallName.ts';
import { openEventLabel, openEvents } from './liveEventsList.ts';

/** Most events the banner lists at once; the departures board shows the rest. */
const MAX_SHOWN = 2;

/** "Live now" over the lounge for each event whose doors are open, with a way in; each can be dismissed. */
export function LiveNowBanner() {
  const t = useT();
  const events = useLayoverStore((state) => state.liveEvents);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const offset = useLayoverStore((state) => state.serverOffsetMs);
  const shown = openEvents(events)
    .filter((event) => !dismissed.has(event.id))
    .slice(0, MAX_SHOWN);
  // Doors open before the show: "Doors open" until it starts, "Live now" from then on (re-rendered at the start).
  const [now, setNow] = useState(() => Date.now());
  const nextStart = shown
    .map((event) => Date.parse(event.startsAt) - offset)
    .filter((at) => at > now)
    .sort((a, b) => a - b)[0];
  useEffect(() => {
    if (nextStart === undefined) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, nextStart - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [nextStart]);
  return (
    <section className="live-now-region" aria-label={t('event.liveNowRegion')}>
      {shown.map((event) => (
        <div key={event.id} className="live-now" data-testid={`event-live-${event.id}`}>
          <p className="live-now-text">
            <span className="live-dot" aria-hidden="true" />
            <strong>{t(openEventLabel(event, now + offset))}</strong>{' '}
            <span className="live-now-title">{event.title}</span>
            <span className="live-now-hall">{t(hallLabelKey(event.hall))}</span>
          </p>
          <div className="live-now-actions">
            <EnterHallButton event={event} testId={`event-enter-${event.id}`} />
            <button
              type="button"
              className="icon"
              onClick={() => setDismissed(new Set([...dismissed, event.id]))}
              aria-label={t('event.dismissBanner', { title: event.title })}
            >
              ×
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
