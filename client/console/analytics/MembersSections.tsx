import { type ProgramAnalytics, SIGN_IN_KINDS } from '../../../shared/protocol/analytics.ts';
import { BarChart } from '../charts/BarChart.tsx';
import { useT } from '../i18n/useT.ts';
import { useConsoleStore } from '../store.ts';
import { DailyChart } from './DailyChart.tsx';
import type { Period } from './period.ts';
import { TableCard } from './TableCard.tsx';

const dayLabel = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(day));

/** Members at the period's end and new in it; new members by sign-in kind; daily and weekly active members. */
export function MembersSections({ data, period }: { data: ProgramAnalytics; period: Period }) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const format = new Intl.NumberFormat(locale).format;
  const byKind = SIGN_IN_KINDS.map((kind) => ({
    label: t(`program.kind.${kind}`),
    values: [data.newMembers.reduce((sum, row) => sum + row[kind], 0)],
  }));
  const newDays = data.newMembers.filter((row) => SIGN_IN_KINDS.some((kind) => row[kind] > 0));
  const peak = data.activity.reduce<{ day: string; dau: number } | null>(
    (best, row) => (row.dau > (best?.dau ?? 0) ? row : best),
    null,
  );
  return (
    <>
      <TableCard
        table="members"
        title={t('program.members.heading')}
        period={period}
        columns={[
          { label: t('program.members.total'), numeric: true },
          { label: t('program.members.new'), numeric: true },
        ]}
        rows={[
          {
            key: 'members',
            head: <span data-testid="analytics-members-total">{format(data.members.total)}</span>,
            cells: [
              <span key="new" data-testid="analytics-members-new">
                {format(data.members.newInPeriod)}
              </span>,
            ],
          },
        ]}
      />
      <TableCard
        table="newMembers"
        title={t('program.newMembers.heading')}
        period={period}
        columns={[
          { label: t('program.day') },
          ...SIGN_IN_KINDS.map((kind) => ({ label: t(`program.kind.${kind}`), numeric: true })),
        ]}
        rows={newDays.map((row) => ({
          key: row.day,
          head: dayLabel(row.day, locale),
          cells: SIGN_IN_KINDS.map((kind) => format(row[kind])),
        }))}
      >
        <BarChart
          title={t('program.newMembers.heading')}
          description={t('program.newMembers.chartDesc')}
          groups={byKind}
          series={[{ name: t('program.members.new'), className: 'bar-a' }]}
          locale={locale}
          empty={data.members.newInPeriod === 0}
        />
      </TableCard>
      <TableCard
        table="activity"
        title={t('program.activity.heading')}
        period={period}
        columns={[
          { label: t('program.day') },
          { label: t('program.dau'), numeric: true },
          { label: t('program.wau'), numeric: true },
        ]}
        rows={data.activity
          .filter((row) => row.dau > 0 || row.wau > 0)
          .map((row) => ({
            key: row.day,
            head: dayLabel(row.day, locale),
            cells: [format(row.dau), format(row.wau)],
          }))}
      >
        <DailyChart
          title={t('program.activity.chart')}
          description={
            peak ? t('program.activity.chartDesc', { count: peak.dau, day: dayLabel(peak.day, locale) }) : ''
          }
          points={data.activity.map((row) => ({ day: row.day, value: row.dau }))}
          locale={locale}
        />
      </TableCard>
    </>
  );
}
