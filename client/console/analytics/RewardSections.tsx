import { games as gameContent } from '../../../shared/content/games.ts';
import type { ProgramAnalytics } from '../../../shared/protocol/analytics.ts';
import type { MemberContent } from '../../../shared/protocol/content.ts';
import { BarChart } from '../charts/BarChart.tsx';
import { useT } from '../i18n/useT.ts';
import { formatWhen } from '../localTime.ts';
import { prizeName, stampName } from '../names.ts';
import { useConsoleStore } from '../store.ts';
import type { Period } from './period.ts';
import { TableCard } from './TableCard.tsx';

/** Stamps issued, prizes issued and redeemed, top games and events of the period. */
export function RewardSections(props: {
  data: ProgramAnalytics;
  period: Period;
  content: MemberContent | null;
}) {
  const { data, period, content } = props;
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const format = new Intl.NumberFormat(locale).format;
  const stamp = (id: string) =>
    content?.stamps.find((item) => item.id === id)?.name[locale] ?? stampName(id, locale);
  const prize = (id: string) =>
    content?.prizes.find((item) => item.id === id)?.name[locale] ?? prizeName(id, locale);
  const game = (id: string) => gameContent.find((item) => item.id === id)?.name[locale] ?? id;
  return (
    <>
      <TableCard
        table="stamps"
        title={t('program.stamps.heading')}
        period={period}
        columns={[{ label: t('program.stamp') }, { label: t('program.issued'), numeric: true }]}
        rows={data.stamps.map((row) => ({
          key: row.stampId,
          head: stamp(row.stampId),
          cells: [format(row.issued)],
        }))}
      />
      <TableCard
        table="prizes"
        title={t('program.prizes.heading')}
        period={period}
        columns={[
          { label: t('program.prize') },
          ...(['issued', 'delivered', 'pending', 'failed', 'redeemed'] as const).map((key) => ({
            label: t(`program.${key}`),
            numeric: true,
          })),
        ]}
        rows={data.prizes.map((row) => ({
          key: row.prizeId,
          head: prize(row.prizeId),
          cells: [row.issued, row.delivered, row.pending, row.failed, row.redeemed].map((value) =>
            format(value),
          ),
        }))}
      />
      <TableCard
        table="games"
        title={t('program.games.heading')}
        period={period}
        columns={[
          { label: t('program.game') },
          { label: t('program.rounds'), numeric: true },
          { label: t('program.players'), numeric: true },
        ]}
        rows={data.games.map((row) => ({
          key: row.gameId,
          head: game(row.gameId),
          cells: [format(row.rounds), format(row.players)],
        }))}
      >
        {data.games.length > 0 && (
          <BarChart
            title={t('program.games.heading')}
            description={t('program.games.chartDesc')}
            groups={data.games.map((row) => ({ label: game(row.gameId), values: [row.rounds] }))}
            series={[{ name: t('program.rounds'), className: 'bar-a' }]}
            locale={locale}
          />
        )}
      </TableCard>
      <TableCard
        table="events"
        title={t('program.events.heading')}
        period={period}
        columns={[
          { label: t('program.event') },
          { label: t('program.startsAt') },
          { label: t('program.visitors'), numeric: true },
          { label: t('program.peak'), numeric: true },
        ]}
        rows={data.events.map((row) => ({
          key: row.eventId,
          head: row.title,
          cells: [formatWhen(row.startsAt, locale), format(row.visitors), format(row.peak)],
        }))}
      />
    </>
  );
}
