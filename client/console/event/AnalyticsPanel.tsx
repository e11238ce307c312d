import { fetchAnalytics } from '../api.ts';
import { AttendanceChart } from '../charts/AttendanceChart.tsx';
import { BarChart } from '../charts/BarChart.tsx';
import { allZero, countBars } from '../charts/series.ts';
import { useT } from '../i18n/useT.ts';
import { prizeName } from '../names.ts';
import { useConsoleStore } from '../store.ts';
import { useRemote } from '../useRemote.ts';
import { FunnelCharts } from './FunnelCharts.tsx';

const PRIZE_STATUSES = ['held', 'queued', 'sent', 'mined', 'delivered', 'failed'] as const;
type PrizeStatus = (typeof PRIZE_STATUSES)[number];
const isPrizeStatus = (key: string): key is PrizeStatus =>
  (PRIZE_STATUSES as readonly string[]).includes(key);

/** How the event went, from the ledger: totals, attendance, drop claims, prize delivery and quest funnels. */
export function AnalyticsPanel({ eventId }: { eventId: string }) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const remote = useRemote((token) => fetchAnalytics(token, eventId), eventId);
  const data = remote.data;

  return (
    <section className="analytics" aria-labelledby="analytics-heading" data-testid="console-analytics">
      <div className="section-head">
        <h2 id="analytics-heading">{t('analytics.heading')}</h2>
        <button type="button" onClick={remote.reload}>
          {t('events.refresh')}
        </button>
      </div>
      {remote.error && (
        <p role="alert" className="error">
          {t(`error.${remote.error}`)}
        </p>
      )}
      {!data && !remote.error && <p className="hint">{t('nav.loading')}</p>}
      {data && (
        <>
          <dl className="totals">
            <div>
              <dt>{t('analytics.unique')}</dt>
              <dd data-testid="console-unique">{data.uniqueVisitors}</dd>
            </div>
            <div>
              <dt>{t('analytics.attended')}</dt>
              <dd data-testid="console-attended">{data.attended}</dd>
            </div>
          </dl>
          <div className="chart-grid">
            <AttendanceChart attendance={data.attendance} />
            <BarChart
              title={t('analytics.claims')}
              description={t('analytics.claimsDesc')}
              locale={locale}
              groups={data.drops.map((drop) => ({
                label: `${prizeName(drop.prizeId, locale)} (${drop.dropId})`,
                values: [drop.claimed, drop.supply],
              }))}
              series={[
                { name: t('analytics.claimed'), className: 'bar-a' },
                { name: t('analytics.supply'), className: 'bar-b' },
              ]}
            />
            <BarChart
              title={t('analytics.prizes')}
              description={t('analytics.prizesDesc')}
              locale={locale}
              empty={allZero(Object.values(data.prizes))}
              groups={countBars(data.prizes).map((bar) => ({
                label: isPrizeStatus(bar.key) ? t(`prizeStatus.${bar.key}`) : bar.key,
                values: [bar.value],
              }))}
              series={[{ name: t('analytics.prizes'), className: 'bar-a' }]}
            />
          </div>
          <FunnelCharts funnel={data.funnel} />
        </>
      )}
    </section>
  );
}
