import type { ConsoleLiveEvent } from '../../../shared/protocol/live-events.ts';
import { useT } from '../i18n/useT.ts';
import { formatWhen } from '../localTime.ts';
import { useConsoleStore } from '../store.ts';

export interface EventListProps {
  events: ConsoleLiveEvent[];
  busyId: string | null;
  onEdit: (event: ConsoleLiveEvent) => void;
  onCancel: (event: ConsoleLiveEvent) => void;
}

/** The brand's events, newest start first: open one, edit it before it starts, or cancel it. */
export function EventList({ events, busyId, onEdit, onCancel }: EventListProps) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const show = useConsoleStore((state) => state.show);
  return (
    <div className="table-scroll">
      <table className="stack-table" data-testid="console-event-list">
        <thead>
          <tr>
            <th scope="col">{t('events.title')}</th>
            <th scope="col">{t('events.start')}</th>
            <th scope="col">{t('events.hall')}</th>
            <th scope="col">{t('events.status')}</th>
            <th scope="col">{t('events.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-testid={`console-event-${event.id}`}>
              <th scope="row" data-label={t('events.title')}>
                {event.title}
              </th>
              <td data-label={t('events.start')}>
                <time dateTime={event.startsAt}>{formatWhen(event.startsAt, locale)}</time>
              </td>
              <td data-label={t('events.hall')}>{t(`hall.${event.hall}`)}</td>
              <td data-label={t('events.status')}>
                <span className={`status status-${event.status}`}>{t(`status.${event.status}`)}</span>
              </td>
              <td data-label={t('events.actions')}>
                <div className="row-actions">
                  <button
                    type="button"
                    onClick={() => show({ page: 'event', eventId: event.id })}
                    data-testid={`console-open-${event.id}`}
                  >
                    {t('events.open')}
                  </button>
                  {event.status === 'scheduled' && (
                    <button
                      type="button"
                      onClick={() => onEdit(event)}
                      data-testid={`console-edit-${event.id}`}
                    >
                      {t('events.edit')}
                    </button>
                  )}
                  {(event.status === 'scheduled' || event.status === 'live') && (
                    <button
                      type="button"
                      className="danger"
                      disabled={busyId === event.id}
                      onClick={() => onCancel(event)}
                      data-testid={`console-cancel-${event.id}`}
                    >
                      {t('events.cancel')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
