import { ChartFrame, ChartLegend } from '../charts/ChartFrame.tsx';
import { bands, countAxis, labelIndexes, linear, maxOf } from '../charts/scale.ts';
import { YAxis } from '../charts/YAxis.tsx';
import { useT } from '../i18n/useT.ts';
import { useConsoleStore } from '../store.ts';

export interface DayRow {
  day: string;
  earned: number;
  burned: number;
}

const HEIGHT = 220;
const PAD = { top: 16, right: 10, bottom: 28, left: 52 };

/** A UTC day (`YYYY-MM-DD`) as a short date in the console's language. */
export const dayLabel = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** Points earned and burned per UTC day, side by side; the totals and the busiest day in words below. */
export function EarnBurnChart({ daily }: { daily: DayRow[] }) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const format = new Intl.NumberFormat(locale);
  const earned = daily.reduce((sum, row) => sum + row.earned, 0);
  const burned = daily.reduce((sum, row) => sum + row.burned, 0);
  const series = [
    { name: t('points.earned'), className: 'bar-a' },
    { name: t('points.burned'), className: 'bar-b' },
  ];
  const description = t('points.chartDesc', {
    earned: format.format(earned),
    burned: format.format(burned),
    days: daily.length,
  });
  return (
    <ChartFrame
      title={t('points.chart')}
      description={description}
      empty={earned === 0 && burned === 0}
      legend={<ChartLegend series={series} />}
    >
      {(width, ids) => {
        const axis = countAxis(maxOf(daily.flatMap((row) => [row.earned, row.burned])));
        const y = linear([0, axis.max], [HEIGHT - PAD.bottom, PAD.top]);
        const slots = bands(daily.length, width - PAD.left - PAD.right, 0.2);
        const labels = labelIndexes(daily.length, width < 480 ? 3 : 6);
        return (
          <svg width={width} height={HEIGHT} role="img" aria-labelledby={`${ids.title} ${ids.desc}`}>
            <title id={ids.title}>{t('points.chart')}</title>
            <desc id={ids.desc}>{description}</desc>
            <YAxis ticks={axis.ticks} y={y} left={PAD.left} right={width - PAD.right} locale={locale} />
            {daily.map((row, index) => {
              const slot = slots[index]!;
              const bars = bands(2, slot.width, 0.05);
              return (
                <g key={row.day}>
                  {[row.earned, row.burned].map((value, at) => {
                    const bar = bars[at]!;
                    const top = y(value);
                    return (
                      <g key={at} className={series[at]!.className}>
                        <rect
                          x={PAD.left + slot.x + bar.x}
                          y={top}
                          width={Math.max(1, bar.width)}
                          height={HEIGHT - PAD.bottom - top}
                        >
                          <title>{`${dayLabel(row.day, locale)}: ${series[at]!.name} ${format.format(value)}`}</title>
                        </rect>
                      </g>
                    );
                  })}
                </g>
              );
            })}
            {labels.map((index) => {
              const slot = slots[index]!;
              const anchor = index === 0 ? 'start' : index === daily.length - 1 ? 'end' : 'middle';
              const x =
                anchor === 'start'
                  ? PAD.left + slot.x
                  : anchor === 'end'
                    ? PAD.left + slot.x + slot.width
                    : PAD.left + slot.x + slot.width / 2;
              return (
                <text key={index} className="chart-axis" x={x} y={HEIGHT - 8} textAnchor={anchor}>
                  {dayLabel(daily[index]!.day, locale)}
                </text>
              );
            })}
          </svg>
        );
      }}
    </ChartFrame>
  );
}
