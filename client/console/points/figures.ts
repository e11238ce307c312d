import type { ConsolePointsSummary } from '../../../shared/protocol/console-points.ts';

/** One line of a figures table: a group's points earned and burned over the whole window. */
export interface FigureLine {
  key: string;
  label: string;
  earned: number;
  burned: number;
}

/** Adds day rows up per key, most points moved first. */
export function totalsBy<T extends { earned: number; burned: number }>(
  rows: readonly T[],
  key: (row: T) => string,
  label: (row: T) => string,
): FigureLine[] {
  const lines = new Map<string, FigureLine>();
  for (const row of rows) {
    const id = key(row);
    const line = lines.get(id) ?? { key: id, label: label(row), earned: 0, burned: 0 };
    line.earned += row.earned;
    line.burned += row.burned;
    lines.set(id, line);
  }
  return [...lines.values()].sort(
    (a, b) => b.earned + b.burned - (a.earned + a.burned) || a.label.localeCompare(b.label),
  );
}

/** The movement kinds the console names (the member's reason codes); anything else shows its raw kind. */
export const SOURCE_KINDS = [
  'opening',
  'quest',
  'earn',
  'partner',
  'partnerReversal',
  'purchase',
  'refund',
  'expiry',
  'adjustment',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const isSourceKind = (kind: string): kind is SourceKind =>
  (SOURCE_KINDS as readonly string[]).includes(kind);

/** The summary's source and partner tables. */
export function summaryTables(summary: ConsolePointsSummary, kindName: (kind: string) => string) {
  return {
    bySource: totalsBy(
      summary.bySource,
      (row) => row.kind,
      (row) => kindName(row.kind),
    ),
    byPartner: totalsBy(
      summary.byPartner,
      (row) => row.partnerId,
      (row) => row.partnerName,
    ),
  };
}
