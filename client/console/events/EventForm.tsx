import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { ConsoleLiveEvent } from '../../../shared/protocol/live-events.ts';
import { ApiError } from '../../core/http.ts';
import { createEvent, updateEvent } from '../api.ts';
import { consoleErrorOf } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { withSession } from '../session.ts';
import { DropRows } from './DropRows.tsx';
import { EventSettings } from './EventSettings.tsx';
import { checkEventForm, defaultEventForm, type EventFormState, specToForm } from './eventForm.ts';
import { Field } from './Field.tsx';
import { FieldErrors } from './FieldErrors.tsx';
import { type FieldIssues, issuesFromDetail } from './fieldIssues.ts';

export interface EventFormProps {
  /** The event being edited; a new one is scheduled when absent. */
  editing?: ConsoleLiveEvent | undefined;
  onSaved: (event: ConsoleLiveEvent, created: boolean) => void;
  onStopEditing: () => void;
}

/** Schedules or edits an event; checked by the same schema as the server before it is sent. */
export function EventForm({ editing, onSaved, onStopEditing }: EventFormProps) {
  const t = useT();
  const [form, setForm] = useState<EventFormState>(() =>
    editing ? specToForm(editing.spec) : defaultEventForm(new Date()),
  );
  const [issues, setIssues] = useState<FieldIssues>({});
  const [alert, setAlert] = useState('');
  const [detail, setDetail] = useState('');
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // Editing opens below the list: bring it into view and move focus there.
  useEffect(() => {
    if (editing) heading.current?.focus();
  }, [editing]);
  const set = (patch: Partial<EventFormState>) => setForm((old) => ({ ...old, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDetail('');
    const checked = checkEventForm(form);
    if (!checked.ok) {
      setIssues(checked.issues);
      setAlert(t('form.fixIssues'));
      return;
    }
    setIssues({});
    setAlert('');
    setBusy(true);
    try {
      const saved = await withSession((token) =>
        editing ? updateEvent(token, editing.id, checked.spec) : createEvent(token, checked.spec),
      );
      if (!editing) setForm(defaultEventForm(new Date()));
      setAlert(t(editing ? 'form.updated' : 'form.created', { title: saved.title }));
      onSaved(saved, !editing);
    } catch (error) {
      const detail = error instanceof ApiError ? error.detail : undefined;
      setIssues(issuesFromDetail(detail));
      setDetail(detail ?? '');
      setAlert(t(`error.${consoleErrorOf(error)}`));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="event-form card"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="console-event-form"
      aria-labelledby="event-form-heading"
    >
      <h2 id="event-form-heading" ref={heading} tabIndex={-1}>
        {editing ? t('form.editHeading', { title: editing.title }) : t('form.scheduleHeading')}
      </h2>
      <Field label={t('form.title')} issues={issues.title}>
        <input
          value={form.title}
          maxLength={80}
          onChange={(e) => set({ title: e.target.value })}
          data-testid="console-title"
        />
      </Field>
      <Field label={t('form.description')} issues={issues.description}>
        <textarea
          value={form.description}
          maxLength={280}
          rows={2}
          onChange={(e) => set({ description: e.target.value })}
          data-testid="console-description"
        />
      </Field>
      <EventSettings form={form} issues={issues} set={set} />
      <DropRows rows={form.drops} issues={issues} onChange={(drops) => set({ drops })} />
      <FieldErrors id="event-form-other" issues={issues['']} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="console-event-submit">
          {busy ? t('form.saving') : t(editing ? 'form.save' : 'form.submit')}
        </button>
        {editing && (
          <button type="button" onClick={onStopEditing}>
            {t('form.cancelEdit')}
          </button>
        )}
      </div>
      <p role="alert" className="form-alert" data-testid="console-event-alert">
        {alert}
      </p>
      {detail && <p className="hint">{t('form.serverDetail', { detail })}</p>}
    </form>
  );
}
