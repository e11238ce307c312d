import { type ReactNode, useId } from 'react';
import { useT } from '../i18n/useT.ts';
import { useWidth } from './useWidth.ts';

export interface ChartFrameProps {
  title: string;
  description: string;
  empty: boolean;
  /** Draws the chart at the frame's width; gets the ids the <svg> must name in aria-labelledby. */
  children: (width: number, ids: { title: string; desc: string }) => ReactNode;
  legend?: ReactNode;
}

/** A titled chart card that says "No data yet" instead of drawing empty axes. */
export function ChartFrame({ title, description, empty, children, legend }: ChartFrameProps) {
  const t = useT();
  const ids = { title: useId(), desc: useId(), heading: useId() };
  const [ref, width] = useWidth<HTMLDivElement>();
  return (
    <figure className="chart" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{title}</h3>
      <div ref={ref} className="chart-body">
        {empty ? (
          <p className="chart-empty">{t('analytics.noData')}</p>
        ) : (
          children(width, { title: ids.title, desc: ids.desc })
        )}
      </div>
      {!empty && legend}
      {!empty && <figcaption className="hint">{description}</figcaption>}
    </figure>
  );
}

/** The colour key of a chart with more than one series. */
export function ChartLegend({ series }: { series: { name: string; className: string }[] }) {
  return (
    <ul className="chart-legend">
      {series.map((item) => (
        <li key={item.name}>
          <span className={`swatch ${item.className}`} aria-hidden="true" />
          {item.name}
        </li>
      ))}
    </ul>
  );
}
