import { useId, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { lastDays, type Period, PRESET_DAYS, periodAccepted } from './period.ts';

export interface PeriodPickerProps {
  /** The preset in use, or 'custom'. */
  choice: number | 'custom';
  period: Period;
  onChange: (choice: number | 'custom', period: Period) => void;
}

/** Last 7/30/90 days or a custom pair of UTC days; a custom period the server would refuse is said so, not sent. */
export function PeriodPicker({ choice, period, onChange }: PeriodPickerProps) {
  const t = useT();
  const ids = { choice: useId(), from: useId(), to: useId(), problem: useId() };
  const [draft, setDraft] = useState<Period>(period);
  const bad = choice === 'custom' && !periodAccepted(draft);
  return (
    <form
      className="period-picker"
      onSubmit={(event) => {
        event.preventDefault();
        if (!bad) onChange('custom', draft);
      }}
    >
      <div className="field inline">
        <label htmlFor={ids.choice}>{t('program.period')}</label>
        <select
          id={ids.choice}
          value={String(choice)}
          onChange={(event) => {
            const value = event.target.value;
            if (value === 'custom') onChange('custom', period);
            else onChange(Number(value), lastDays(Number(value)));
          }}
          data-testid="analytics-period"
        >
          {PRESET_DAYS.map((days) => (
            <option key={days} value={days}>
              {t('program.last', { count: days })}
            </option>
          ))}
          <option value="custom">{t('program.custom')}</option>
        </select>
      </div>
      {choice === 'custom' && (
        <>
          <div className="field inline">
            <label htmlFor={ids.from}>{t('program.from')}</label>
            <input
              id={ids.from}
              type="date"
              value={draft.from}
              aria-describedby={bad ? ids.problem : undefined}
              onChange={(event) => setDraft({ ...draft, from: event.target.value })}
              data-testid="analytics-from"
            />
          </div>
          <div className="field inline">
            <label htmlFor={ids.to}>{t('program.to')}</label>
            <input
              id={ids.to}
              type="date"
              value={draft.to}
              aria-describedby={bad ? ids.problem : undefined}
              onChange={(event) => setDraft({ ...draft, to: event.target.value })}
              data-testid="analytics-to"
            />
          </div>
          <button type="submit" disabled={bad} data-testid="analytics-apply">
            {t('program.apply')}
          </button>
          {bad && (
            <p id={ids.problem} className="error" role="alert">
              {t('program.badPeriod')}
            </p>
          )}
        </>
      )}
    </form>
  );
}
