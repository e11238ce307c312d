import { ChartFrame } from '../charts/ChartFrame.tsx';
import { areaPath, countAxis, labelIndexes, linear, linePath, maxOf } from '../charts/scale.ts';
import { YAxis } from '../charts/YAxis.tsx';

const HEIGHT = 200;
const PAD = { top: 16, right: 14, bottom: 26, left: 40 };

export interface DailyChartProps {
  title: string;
  description: string;
  /** One value per day, in day order. */
  points: { day: string; value: number }[];
  locale: string;
}

/** A value per day as an area under a line, with a few day labels; "No data yet" when every day is zero. */
export function DailyChart({ title, description, points, locale }: DailyChartProps) {
  const max = maxOf(points.map((point) => point.value));
  const label = (day: string) =>
    new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
      new Date(day),
    );
  return (
    <ChartFrame title={title} description={description} empty={max === 0}>
      {(width, ids) => {
        const axis = countAxis(max);
        const x = linear([0, Math.max(1, points.length - 1)], [PAD.left, width - PAD.right]);
        const y = linear([0, axis.max], [HEIGHT - PAD.bottom, PAD.top]);
        const drawn = points.map((point, index) => ({ x: x(index), y: y(point.value) }));
        return (
          <svg width={width} height={HEIGHT} role="img" aria-labelledby={`${ids.title} ${ids.desc}`}>
            <title id={ids.title}>{title}</title>
            <desc id={ids.desc}>{description}</desc>
            <YAxis ticks={axis.ticks} y={y} left={PAD.left} right={width - PAD.right} locale={locale} />
            <path className="chart-area" d={areaPath(drawn, HEIGHT - PAD.bottom)} />
            <path className="chart-line" d={linePath(drawn)} />
            {labelIndexes(points.length, width < 480 ? 3 : 5).map((index) => {
              const anchor = index === 0 ? 'start' : index === points.length - 1 ? 'end' : 'middle';
              return (
                <text key={index} className="chart-axis" x={x(index)} y={HEIGHT - 8} textAnchor={anchor}>
                  {label(points[index]?.day ?? '')}
                </text>
              );
            })}
          </svg>
        );
      }}
    </ChartFrame>
  );
}
