import { useState } from 'react';
import type { AnalyticsTable } from '../../../shared/protocol/analytics.ts';
import type { ConsoleErrorCode } from '../errors.ts';
import { consoleErrorOf } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { withSession } from '../session.ts';
import { useConsoleStore } from '../store.ts';
import { downloadTableCsv } from './analyticsApi.ts';
import type { Period } from './period.ts';

/** Downloads one table of the period as CSV, names in the console's language; a refusal shows beside it. */
export function CsvButton({
  table,
  title,
  period,
}: {
  table: AnalyticsTable;
  title: string;
  period: Period;
}) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ConsoleErrorCode | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      await withSession((token) => downloadTableCsv(token, table, period, locale));
    } catch (failure) {
      setError(consoleErrorOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="csv-download">
      <button
        type="button"
        onClick={() => void download()}
        disabled={busy}
        aria-label={t('program.csvOf', { table: title })}
        data-testid={`analytics-csv-${table}`}
      >
        {t('program.csv')}
      </button>
      {error && (
        <span role="alert" className="error">
          {t(`error.${error}`)}
        </span>
      )}
    </span>
  );
}
