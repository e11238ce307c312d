import { type ReactNode, useId } from 'react';
import type { AnalyticsTable } from '../../../shared/protocol/analytics.ts';
import { useT } from '../i18n/useT.ts';
import { CsvButton } from './CsvButton.tsx';
import type { Period } from './period.ts';

/** One row: its heading cell (the row's name) and its other cells. */
export interface TableRow {
  key: string;
  head: ReactNode;
  cells: ReactNode[];
}

export interface TableCardProps {
  table: AnalyticsTable;
  title: string;
  period: Period;
  /** Column headings: the row heading's first, then one per cell; numeric columns align right. */
  columns: { label: string; numeric?: boolean }[];
  rows: TableRow[];
  /** A chart or note shown above the table. */
  children?: ReactNode;
}

/** A titled card with a CSV download, an optional chart and an accessible table ("nothing" instead of an empty one). */
export function TableCard({ table, title, period, columns, rows, children }: TableCardProps) {
  const t = useT();
  const headingId = useId();
  return (
    <section className="card analytics-card" aria-labelledby={headingId} data-testid={`analytics-${table}`}>
      <div className="section-head">
        <h3 id={headingId}>{title}</h3>
        <CsvButton table={table} title={title} period={period} />
      </div>
      {children}
      {rows.length === 0 ? (
        <p className="hint">{t('program.none')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls sideways; a keyboard must reach it
        <section className="table-scroll" aria-labelledby={headingId} tabIndex={0}>
          <table className="stack-table figures">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.label} scope="col" className={column.numeric ? 'num' : undefined}>
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-key={row.key}>
                  <th scope="row" data-label={columns[0]?.label}>
                    {row.head}
                  </th>
                  {row.cells.map((cell, index) => {
                    const column = columns[index + 1];
                    return (
                      <td
                        key={column?.label ?? index}
                        className={column?.numeric ? 'num' : undefined}
                        data-label={column?.label}
                      >
                        {cell}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
