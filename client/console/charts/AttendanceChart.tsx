import { useT } from '../i18n/useT.ts';
import { useConsoleStore } from '../store.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { areaPath, countAxis, labelIndexes, linear, linePath } from './scale.ts';
import { attendanceSeries } from './series.ts';
import { YAxis } from './YAxis.tsx';

const HEIGHT = 200;
const PAD = { top: 16, right: 14, bottom: 26, left: 40 };

/** Members present per minute, as an area under a line, with the peak marked. */
export function AttendanceChart({ attendance }: { attendance: { at: string; present: number }[] }) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const series = attendanceSeries(attendance, locale);
  const description = series.peak
    ? t('analytics.attendanceDesc', { count: series.peak.present, time: series.peak.label })
    : '';
  return (
    <ChartFrame title={t('analytics.attendance')} description={description} empty={series.peak === null}>
      {(width, ids) => {
        const axis = countAxis(series.max);
        const x = linear([series.start, series.end], [PAD.left, width - PAD.right]);
        const y = linear([0, axis.max], [HEIGHT - PAD.bottom, PAD.top]);
        const points = series.points.map((point) => ({ x: x(point.time), y: y(point.present) }));
        const peak = series.peak;
        return (
          <svg width={width} height={HEIGHT} role="img" aria-labelledby={`${ids.title} ${ids.desc}`}>
            <title id={ids.title}>{t('analytics.attendance')}</title>
            <desc id={ids.desc}>{description}</desc>
            <YAxis ticks={axis.ticks} y={y} left={PAD.left} right={width - PAD.right} locale={locale} />
            <path className="chart-area" d={areaPath(points, HEIGHT - PAD.bottom)} />
            <path className="chart-line" d={linePath(points)} />
            {labelIndexes(series.points.length, width < 480 ? 3 : 5).map((index) => {
              const point = series.points[index]!;
              // The first and last labels hug the plot's edges so they stay inside the card.
              const anchor = index === 0 ? 'start' : index === series.points.length - 1 ? 'end' : 'middle';
              return (
                <text key={index} className="chart-axis" x={x(point.time)} y={HEIGHT - 8} textAnchor={anchor}>
                  {point.label}
                </text>
              );
            })}
            {peak && (
              <g className="chart-peak">
                <circle cx={x(peak.time)} cy={y(peak.present)} r={4} />
                <text x={x(peak.time)} y={y(peak.present) - 8} textAnchor="middle">
                  {peak.present}
                </text>
              </g>
            )}
          </svg>
        );
      }}
    </ChartFrame>
  );
}
