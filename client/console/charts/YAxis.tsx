export interface YAxisProps {
  ticks: number[];
  y: (value: number) => number;
  left: number;
  right: number;
  locale: string;
}

/** Horizontal grid lines with their count labels on the left. */
export function YAxis({ ticks, y, left, right, locale }: YAxisProps) {
  const format = new Intl.NumberFormat(locale);
  return (
    <g className="chart-gridlines">
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} />
          <text x={left - 6} y={y(tick)} dy="0.35em" textAnchor="end">
            {format.format(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}
