import type { ConsoleLiveView } from '../../../shared/protocol/live-events.ts';
import { useT } from '../i18n/useT.ts';
import { formatWhen } from '../localTime.ts';
import { useConsoleStore } from '../store.ts';

/** Member reports for moderators: who, whom, why, and the note. */
export function ReportList({ reports }: { reports: ConsoleLiveView['reports'] }) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const reasonText = (reason: string) =>
    reason === 'abuse' || reason === 'spam' || reason === 'other' ? t(`live.reason.${reason}`) : reason;
  return (
    <section className="panel" aria-labelledby="live-reports">
      <h3 id="live-reports">{t('live.reports')}</h3>
      {reports.length === 0 ? (
        <p className="hint">{t('live.noReports')}</p>
      ) : (
        <ul className="plain-list">
          {reports.map((report) => (
            <li key={report.id}>
              <time dateTime={report.at}>{formatWhen(report.at, locale, false)}</time>{' '}
              {t('live.report', {
                reporter: report.reporter,
                member: report.member,
                reason: reasonText(report.reason),
              })}
              {report.note && <q className="note">{report.note}</q>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
