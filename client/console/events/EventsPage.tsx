import { useState } from 'react';
import type { ConsoleLiveEvent } from '../../../shared/protocol/live-events.ts';
import { cancelEvent, listEvents } from '../api.ts';
import { consoleErrorOf } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { withSession } from '../session.ts';
import { useRemote } from '../useRemote.ts';
import { EventForm } from './EventForm.tsx';
import { EventList } from './EventList.tsx';

/** The events tab: the list, and the form that schedules a new event or edits one. */
export function EventsPage() {
  const t = useT();
  const events = useRemote(listEvents, 'events');
  const [editing, setEditing] = useState<ConsoleLiveEvent | undefined>();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  const cancel = async (event: ConsoleLiveEvent) => {
    if (!globalThis.confirm(t('events.confirmCancel', { title: event.title }))) return;
    setBusyId(event.id);
    try {
      await withSession((token) => cancelEvent(token, event.id));
      setMessage(t('events.cancelled', { title: event.title }));
      if (editing?.id === event.id) setEditing(undefined);
      events.reload();
    } catch (error) {
      setMessage(t(`error.${consoleErrorOf(error)}`));
    } finally {
      setBusyId(null);
    }
  };

  const list = events.data?.events ?? [];
  return (
    <div className="events-page">
      <section className="card" aria-labelledby="events-heading">
        <div className="section-head">
          <h2 id="events-heading">{t('events.heading')}</h2>
          <button type="button" onClick={events.reload}>
            {t('events.refresh')}
          </button>
        </div>
        {events.error && (
          <p role="alert" className="error">
            {t(`error.${events.error}`)}
          </p>
        )}
        {!events.data && !events.error && <p className="hint">{t('nav.loading')}</p>}
        {events.data && list.length === 0 && <p className="hint">{t('events.empty')}</p>}
        {list.length > 0 && (
          <EventList
            events={list}
            busyId={busyId}
            onEdit={setEditing}
            onCancel={(event) => void cancel(event)}
          />
        )}
        <p role="status" className="hint">
          {message}
        </p>
      </section>
      <EventForm
        key={editing?.id ?? 'new'}
        editing={editing}
        onSaved={(saved, created) => {
          // An edit closes the form (it remounts), so its confirmation shows here instead.
          if (!created) setMessage(t('form.updated', { title: saved.title }));
          setEditing(undefined);
          events.reload();
        }}
        onStopEditing={() => setEditing(undefined)}
      />
    </div>
  );
}
