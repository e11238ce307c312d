import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { sendAudience } from '../net/eventSend.ts';

const REASONS = ['abuse', 'spam', 'other'] as const;
type Reason = (typeof REASONS)[number];

/** Reports a member to the event's hosts with a reason; the server confirms with a `reported` notice. */
export function ReportDialog() {
  const t = useT();
  const ids = { heading: useId(), reason: useId(), note: useId() };
  const target = useLayoverStore((state) => state.reportTarget);
  const close = () => useLayoverStore.getState().setReportTarget(null);
  const [reason, setReason] = useState<Reason>('abuse');
  const [note, setNote] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!target) return;
    setReason('abuse');
    setNote('');
    heading.current?.focus();
  }, [target]);
  if (!target) return null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (sendAudience('report', { memberId: target.memberId, reason, note: note.trim() })) close();
  };
  return (
    <section
      className="report-dialog"
      role="dialog"
      aria-labelledby={ids.heading}
      onKeyDown={(event) => event.key === 'Escape' && close()}
      data-testid="report-dialog"
    >
      <form className="event-form" onSubmit={onSubmit}>
        <h2 id={ids.heading} ref={heading} tabIndex={-1}>
          {t('event.report.heading', { name: target.name })}
        </h2>
        <label htmlFor={ids.reason}>{t('event.report.reason')}</label>
        <select
          id={ids.reason}
          value={reason}
          onChange={(event) => setReason(event.target.value as Reason)}
          data-testid="report-reason"
        >
          {REASONS.map((value) => (
            <option key={value} value={value}>
              {t(`event.report.reason.${value}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.note}>{t('event.report.note')}</label>
        <input id={ids.note} value={note} maxLength={200} onChange={(event) => setNote(event.target.value)} />
        <div className="event-form-row">
          <button type="submit" className="primary" data-testid="report-send">
            {t('event.report.send')}
          </button>
          <button type="button" onClick={close}>
            {t('host.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
