import type { PointsHistoryLine } from '../../../shared/protocol/points.ts';

/** The history lines loaded so far, newest first, and the `before` cursor of the next older page (null: all loaded). */
export interface HistoryState {
  lines: PointsHistoryLine[];
  nextBefore: number | null;
}

/** One page as GET /api/points answers it. */
export interface HistoryPage {
  history: readonly PointsHistoryLine[];
  nextBefore: number | null;
}

const newestFirst = (a: PointsHistoryLine, b: PointsHistoryLine) => b.id - a.id;

/**
 * Folds a page into what is shown. `older` ("Show more") appends the page and takes its cursor. `latest` (the
 * balance moved) puts new lines on top and keeps the older pages already opened, unless so much happened that the
 * fresh page does not reach them: then it starts over from that page rather than show a hole in the history.
 */
export function mergeHistory(
  current: HistoryState | null,
  page: HistoryPage,
  kind: 'latest' | 'older',
): HistoryState {
  if (!current) return { lines: [...page.history].sort(newestFirst), nextBefore: page.nextBefore };
  const known = new Set(current.lines.map((line) => line.id));
  const fresh = page.history.filter((line) => !known.has(line.id));
  if (kind === 'older') {
    return { lines: [...current.lines, ...fresh].sort(newestFirst), nextBefore: page.nextBefore };
  }
  const newestKnown = current.lines[0]?.id ?? 0;
  const oldestOfPage = page.history.at(-1)?.id ?? Number.POSITIVE_INFINITY;
  const reaches = page.nextBefore === null || oldestOfPage <= newestKnown || current.lines.length === 0;
  if (!reaches) return { lines: [...page.history].sort(newestFirst), nextBefore: page.nextBefore };
  return {
    lines: [...fresh, ...current.lines].sort(newestFirst),
    nextBefore: current.lines.length === 0 ? page.nextBefore : current.nextBefore,
  };
}
