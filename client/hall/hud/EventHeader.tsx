import type { MessageKey } from '../../core/i18n/en.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';

const STATUS_KEYS: Readonly<Record<string, MessageKey>> = {
  scheduled: 'event.status.scheduled',
  live: 'event.status.live',
  ended: 'event.status.ended',
};

/** The show's title and status, and which overflow hall we sit in when the first was full (the way out is in the top bar). */
export function EventHeader() {
  const t = useT();
  const title = useLayoverStore((state) => state.hall?.stage.title ?? '');
  const status = useLayoverStore((state) => state.hall?.stage.status ?? 'scheduled');
  const instance = useLayoverStore((state) => state.hall?.instance ?? 1);
  return (
    <header className="event-header">
      <div className="event-header-row">
        <h2 className="event-title" data-testid="event-title">
          {title || t('event.loading')}
        </h2>
      </div>
      <p className="event-badges">
        <span className={`event-status status-${status}`} data-testid="event-status">
          {t(STATUS_KEYS[status] ?? 'event.status.scheduled')}
        </span>
        {instance > 1 && (
          <span className="event-instance" data-testid="event-instance" title={t('event.overflowHint')}>
            {t('event.overflow', { n: instance - 1 })}
          </span>
        )}
      </p>
    </header>
  );
}
