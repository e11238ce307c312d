import { ChartFrame, ChartLegend } from './ChartFrame.tsx';
import { bands, countAxis, linear, maxOf } from './scale.ts';
import { YAxis } from './YAxis.tsx';

/** One group of bars (a drop, a status) with one value per series. */
export interface BarGroup {
  label: string;
  values: number[];
}

export interface BarChartProps {
  title: string;
  description: string;
  groups: BarGroup[];
  series: { name: string; className: string }[];
  locale: string;
  empty?: boolean;
}

const HEIGHT = 210;
const PAD = { top: 20, right: 10, bottom: 30, left: 40 };

/** Vertical bars, grouped, each with its number above it; a legend when there is more than one series. */
export function BarChart({ title, description, groups, series, locale, empty }: BarChartProps) {
  const format = new Intl.NumberFormat(locale);
  const legend = series.length > 1 ? <ChartLegend series={series} /> : undefined;
  return (
    <ChartFrame title={title} description={description} empty={empty ?? groups.length === 0} legend={legend}>
      {(width, ids) => {
        const axis = countAxis(maxOf(groups.flatMap((group) => group.values)));
        const y = linear([0, axis.max], [HEIGHT - PAD.bottom, PAD.top]);
        const slots = bands(groups.length, width - PAD.left - PAD.right, 0.3);
        const slotWidth = (width - PAD.left - PAD.right) / Math.max(1, groups.length);
        return (
          <svg width={width} height={HEIGHT} role="img" aria-labelledby={`${ids.title} ${ids.desc}`}>
            <title id={ids.title}>{title}</title>
            <desc id={ids.desc}>{describeBars(groups, series)}</desc>
            <YAxis ticks={axis.ticks} y={y} left={PAD.left} right={width - PAD.right} locale={locale} />
            {groups.map((group, index) => {
              const slot = slots[index]!;
              const bars = bands(group.values.length, slot.width, 0.1);
              const centre = PAD.left + slot.x + slot.width / 2;
              return (
                <g key={group.label}>
                  {group.values.map((value, at) => {
                    const bar = bars[at]!;
                    const barX = PAD.left + slot.x + bar.x;
                    const top = y(value);
                    return (
                      <g key={at} className={series[at]?.className}>
                        <rect x={barX} y={top} width={bar.width} height={HEIGHT - PAD.bottom - top} rx={2} />
                        <text
                          className="chart-value"
                          x={barX + bar.width / 2}
                          y={top - 4}
                          textAnchor="middle"
                        >
                          {format.format(value)}
                        </text>
                      </g>
                    );
                  })}
                  <text className="chart-axis" x={centre} y={HEIGHT - 10} textAnchor="middle">
                    {shorten(group.label, slotWidth)}
                  </text>
                </g>
              );
            })}
          </svg>
        );
      }}
    </ChartFrame>
  );
}

/** The numbers in words for screen readers: "Group: value" with one series, "Group: Series value, …" with more. */
function describeBars(groups: BarGroup[], series: { name: string }[]): string {
  const one = (group: BarGroup) =>
    series.length === 1
      ? `${group.label}: ${group.values[0]}`
      : `${group.label}: ${group.values.map((value, at) => `${series[at]?.name} ${value}`).join(', ')}`;
  return groups.map(one).join('; ');
}

/** Cuts a label to what fits under its slot (about 6.5 px a character at 12 px), with an ellipsis. */
function shorten(label: string, width: number): string {
  const fits = Math.max(3, Math.floor(width / 6.5));
  return label.length <= fits ? label : `${label.slice(0, fits - 1)}…`;
}
