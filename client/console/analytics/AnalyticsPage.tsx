import { useId, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { formatWhen } from '../localTime.ts';
import { useConsoleStore } from '../store.ts';
import { useRemote } from '../useRemote.ts';
import { fetchNames, fetchProgramAnalytics } from './analyticsApi.ts';
import { JourneySections } from './JourneySections.tsx';
import { MembersSections } from './MembersSections.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { lastDays, type Period } from './period.ts';
import { RewardSections } from './RewardSections.tsx';
import './analytics.css';

/**
 * Program analytics for analysts and owners: a period (last 7/30/90 days or custom), then members, activity,
 * retention, quest funnels, stamps, prizes, games and events, each table with its CSV download.
 */
export default function AnalyticsPage() {
  const t = useT();
  const headingId = useId();
  const locale = useConsoleStore((state) => state.locale);
  const show = useConsoleStore((state) => state.show);
  const [choice, setChoice] = useState<number | 'custom'>(30);
  const [period, setPeriod] = useState<Period>(() => lastDays(30));
  const remote = useRemote((token) => fetchProgramAnalytics(token, period), `${period.from}/${period.to}`);
  const names = useRemote(() => fetchNames(), 'content');
  const data = remote.data;
  return (
    <section className="card" aria-labelledby={headingId} data-testid="console-analytics">
      <div className="section-head">
        <h2 id={headingId}>{t('program.heading')}</h2>
        <div className="head-tools">
          <button type="button" onClick={() => show({ page: 'points' })} data-testid="analytics-points-link">
            {t('program.pointsLink')}
          </button>
          <button type="button" onClick={remote.reload} data-testid="analytics-refresh">
            {t('events.refresh')}
          </button>
        </div>
      </div>
      <p className="hint">{t('program.intro')}</p>
      <PeriodPicker
        choice={choice}
        period={period}
        onChange={(next, nextPeriod) => {
          setChoice(next);
          setPeriod(nextPeriod);
        }}
      />
      {remote.error && (
        <p role="alert" className="error">
          {t(`error.${remote.error}`)}
        </p>
      )}
      {!data && !remote.error && <p className="hint">{t('nav.loading')}</p>}
      {data && (
        <>
          {data.refreshedAt && (
            <p className="hint" data-testid="analytics-refreshed">
              {t('program.refreshed', { time: formatWhen(data.refreshedAt, locale) })}
            </p>
          )}
          <div className="analytics-grid">
            <MembersSections data={data} period={period} />
            <JourneySections data={data} period={period} content={names.data} />
            <RewardSections data={data} period={period} content={names.data} />
          </div>
        </>
      )}
    </section>
  );
}
