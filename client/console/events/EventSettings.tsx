import { useEffect } from 'react';
import { HALLS } from '../../../shared/content/live-events.ts';
import { usePublishedContent } from '../content/publishedContent.ts';
import { useT } from '../i18n/useT.ts';
import { localZoneName } from '../localTime.ts';
import { useConsoleStore } from '../store.ts';
import { type AccessChoice, defaultStampId, type EventFormState } from './eventForm.ts';
import { Field } from './Field.tsx';
import type { FieldIssues } from './fieldIssues.ts';

export interface EventSettingsProps {
  form: EventFormState;
  issues: FieldIssues;
  set: (patch: Partial<EventFormState>) => void;
}

/** When, where, for whom and for how long: the event's settings below its title. */
export function EventSettings({ form, issues, set }: EventSettingsProps) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const content = usePublishedContent((state) => state.content);
  const stamps = content?.stamps ?? [];
  // A form opened before the content arrived gets its default stamp once it does.
  useEffect(() => {
    if (content && !form.stampId) set({ stampId: defaultStampId(content.stamps) });
  }, [content, form.stampId, set]);
  return (
    <>
      <div className="field-row">
        <Field
          label={t('form.starts')}
          hint={t('form.startsHint', { zone: localZoneName() })}
          issues={issues.startsAt}
        >
          <input
            type="datetime-local"
            value={form.starts}
            onChange={(e) => set({ starts: e.target.value })}
            data-testid="console-starts"
          />
        </Field>
        <Field label={t('form.duration')} issues={issues.durationMinutes}>
          <input
            type="number"
            inputMode="numeric"
            min={5}
            max={720}
            step={1}
            value={form.duration}
            onChange={(e) => set({ duration: e.target.value })}
            data-testid="console-duration"
          />
        </Field>
      </div>
      <div className="field-row">
        <Field label={t('form.hall')} issues={issues.hall}>
          <select
            value={form.hall}
            onChange={(e) => set({ hall: HALLS.find((hall) => hall.id === e.target.value)?.id ?? form.hall })}
            data-testid="console-hall"
          >
            {HALLS.map((hall) => (
              <option key={hall.id} value={hall.id}>
                {t(`hall.${hall.id}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('form.access')} issues={issues.access}>
          <select
            value={form.access}
            onChange={(e) => set({ access: e.target.value as AccessChoice })}
            data-testid="console-access"
          >
            <option value="anyone">{t('form.access.anyone')}</option>
            <option value="vip">{t('form.access.vip')}</option>
            <option value="suite">{t('form.access.suite')}</option>
          </select>
        </Field>
      </div>
      <div className="field-row">
        <Field label={t('form.stamp')} issues={issues.attendanceStampId}>
          <select
            value={form.stampId}
            onChange={(e) => set({ stampId: e.target.value })}
            data-testid="console-stamp"
          >
            {stamps.map((stamp) => (
              <option key={stamp.id} value={stamp.id}>
                {stamp.name[locale]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('form.attend')} issues={issues.attendMinutes}>
          <input
            type="number"
            inputMode="decimal"
            min={0.05}
            max={240}
            step="any"
            value={form.attend}
            onChange={(e) => set({ attend: e.target.value })}
            data-testid="console-attend"
          />
        </Field>
      </div>
    </>
  );
}
