import { ChartFrame } from './ChartFrame.tsx';
import { linear, maxOf } from './scale.ts';

export interface FunnelChartProps {
  title: string;
  description: string;
  steps: { label: string; value: number }[];
  locale: string;
}

const ROW = 40;
const BAR = 16;
const RIGHT = 48;

/** One horizontal bar per step, label above, count at the bar's end: reads on a phone as well as a desk. */
export function FunnelChart({ title, description, steps, locale }: FunnelChartProps) {
  const format = new Intl.NumberFormat(locale);
  const empty = steps.length === 0 || maxOf(steps.map((step) => step.value)) === 0;
  return (
    <ChartFrame title={title} description={description} empty={empty}>
      {(width, ids) => {
        const x = linear([0, maxOf(steps.map((step) => step.value))], [0, width - RIGHT]);
        const height = steps.length * ROW + 4;
        return (
          <svg width={width} height={height} role="img" aria-labelledby={`${ids.title} ${ids.desc}`}>
            <title id={ids.title}>{title}</title>
            <desc id={ids.desc}>{steps.map((step) => `${step.label}: ${step.value}`).join('; ')}</desc>
            {steps.map((step, index) => {
              const top = index * ROW;
              const length = Math.max(step.value > 0 ? 2 : 0, x(step.value));
              return (
                <g key={`${step.label}-${index}`} className="chart-funnel">
                  <text className="chart-axis" x={0} y={top + 13}>
                    {step.label}
                  </text>
                  <rect x={0} y={top + 18} width={length} height={BAR} rx={2} />
                  <text className="chart-value" x={length + 6} y={top + 18 + BAR / 2} dy="0.35em">
                    {format.format(step.value)}
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
