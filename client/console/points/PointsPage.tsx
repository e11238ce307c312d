import { useId, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { useConsoleStore } from '../store.ts';
import { useRemote } from '../useRemote.ts';
import { AdjustmentForm } from './AdjustmentForm.tsx';
import { EarnBurnChart } from './EarnBurnChart.tsx';
import { FigureTable } from './FigureTable.tsx';
import { isSourceKind, summaryTables } from './figures.ts';
import { PartnersPanel } from './PartnersPanel.tsx';
import { fetchPointsSummary } from './pointsApi.ts';
import './points.css';

const WINDOWS = [7, 30, 90] as const;

/**
 * The brand's points: what members hold now (the liability), earned and burned per day by source and partner,
 * the partner brands with their keys and activity logs, and manual adjustments (admins).
 */
export default function PointsPage() {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const ids = { heading: useId(), days: useId() };
  const [days, setDays] = useState<number>(30);
  const summary = useRemote((token) => fetchPointsSummary(token, days), String(days), 60_000);
  const data = summary.data;
  const format = new Intl.NumberFormat(locale);
  const tables = data
    ? summaryTables(data, (kind) => (isSourceKind(kind) ? t(`points.kind.${kind}`) : kind))
    : null;

  return (
    <>
      <section className="card" aria-labelledby={ids.heading} data-testid="console-points">
        <div className="section-head">
          <h2 id={ids.heading}>{t('points.heading')}</h2>
          <div className="head-tools">
            <div className="field inline">
              <label htmlFor={ids.days}>{t('points.window')}</label>
              <select
                id={ids.days}
                value={days}
                onChange={(event) => setDays(Number(event.target.value))}
                data-testid="console-points-days"
              >
                {WINDOWS.map((value) => (
                  <option key={value} value={value}>
                    {t('points.days', { count: value })}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" onClick={summary.reload} data-testid="console-points-refresh">
              {t('events.refresh')}
            </button>
          </div>
        </div>
        <p className="hint">{t('points.intro')}</p>
        {summary.error && (
          <p role="alert" className="error">
            {t(`error.${summary.error}`)}
          </p>
        )}
        {!data && !summary.error && <p className="hint">{t('nav.loading')}</p>}
        {data && tables && (
          <>
            <dl className="totals">
              <div>
                <dt>{t('points.liability')}</dt>
                <dd data-testid="console-points-liability" data-value={data.liability.outstanding}>
                  {format.format(data.liability.outstanding)}
                </dd>
              </div>
              <div>
                <dt>{t('points.holders')}</dt>
                <dd data-testid="console-points-holders">{format.format(data.liability.members)}</dd>
              </div>
              <div>
                <dt>{t('points.negative')}</dt>
                <dd data-testid="console-points-negative">
                  {t('points.negativeValue', {
                    count: data.liability.negativeMembers,
                    total: format.format(data.liability.negativeTotal),
                  })}
                </dd>
              </div>
            </dl>
            <p className="hint">{t('points.liabilityHint', { from: data.from, to: data.to })}</p>
            <div className="chart-grid">
              <EarnBurnChart daily={data.daily} />
            </div>
            <div className="chart-grid">
              <FigureTable
                caption={t('points.bySource')}
                groupLabel={t('points.source')}
                lines={tables.bySource}
                testId="console-points-by-source"
              />
              <FigureTable
                caption={t('points.byPartner')}
                groupLabel={t('points.partner')}
                lines={tables.byPartner}
                testId="console-points-by-partner"
              />
            </div>
          </>
        )}
      </section>
      <PartnersPanel onChanged={summary.reload} />
      <AdjustmentForm onDone={summary.reload} />
    </>
  );
}
