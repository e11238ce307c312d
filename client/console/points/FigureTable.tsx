import { useId } from 'react';
import { useT } from '../i18n/useT.ts';
import { useConsoleStore } from '../store.ts';
import type { FigureLine } from './figures.ts';

export interface FigureTableProps {
  caption: string;
  /** The first column's heading (Source, Partner). */
  groupLabel: string;
  lines: FigureLine[];
  testId: string;
}

/** Earned and burned per group over the window, with the net; "nothing yet" instead of an empty table. */
export function FigureTable({ caption, groupLabel, lines, testId }: FigureTableProps) {
  const t = useT();
  const headingId = useId();
  const locale = useConsoleStore((state) => state.locale);
  const format = new Intl.NumberFormat(locale);
  const signed = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' });
  return (
    <div className="panel">
      <h3 id={headingId}>{caption}</h3>
      {lines.length === 0 ? (
        <p className="hint">{t('points.noMovements')}</p>
      ) : (
        <div className="table-scroll">
          <table className="stack-table figures" aria-labelledby={headingId} data-testid={testId}>
            <thead>
              <tr>
                <th scope="col">{groupLabel}</th>
                <th scope="col" className="num">
                  {t('points.earned')}
                </th>
                <th scope="col" className="num">
                  {t('points.burned')}
                </th>
                <th scope="col" className="num">
                  {t('points.net')}
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.key} data-key={line.key}>
                  <th scope="row" data-label={groupLabel}>
                    {line.label}
                  </th>
                  <td className="num" data-label={t('points.earned')}>
                    {format.format(line.earned)}
                  </td>
                  <td className="num" data-label={t('points.burned')}>
                    {format.format(line.burned)}
                  </td>
                  <td className="num" data-label={t('points.net')}>
                    {signed.format(line.earned - line.burned)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
