/** A summary's window: `days` whole UTC days ending with the one `now` falls in. */
export interface SummaryWindow {
  /** First day, ISO date (UTC). */
  from: string;
  /** Last day (today, UTC). */
  to: string;
  /** Start of `from` (inclusive) and of the day after `to` (exclusive). */
  start: Date;
  end: Date;
  /** Every day from `from` to `to`, oldest first. */
  days: string[];
}

const DAY_MS = 86_400_000;

/** The ISO date (UTC) of a time. */
export const utcDay = (at: Date | number): string => new Date(at).toISOString().slice(0, 10);

/** The window of the last `days` UTC days up to `now` (pure: `now` is passed in, so tests pick the clock). */
export function summaryWindow(now: number, days: number): SummaryWindow {
  const count = Math.max(1, Math.trunc(days));
  const todayStart = Math.floor(now / DAY_MS) * DAY_MS;
  const start = todayStart - (count - 1) * DAY_MS;
  const list = Array.from({ length: count }, (_, index) => utcDay(start + index * DAY_MS));
  return {
    from: list[0] as string,
    to: list[list.length - 1] as string,
    start: new Date(start),
    end: new Date(todayStart + DAY_MS),
    days: list,
  };
}

/** Day figures for one group. */
export interface DayFigures {
  day: string;
  earned: number;
  burned: number;
}

/** Sums rows per day over the window's every day, zeros included, so a chart has no gaps. */
export function dailyTotals(window: SummaryWindow, rows: readonly DayFigures[]): DayFigures[] {
  const byDay = new Map(window.days.map((day) => [day, { day, earned: 0, burned: 0 }]));
  for (const row of rows) {
    const slot = byDay.get(row.day);
    if (!slot) continue;
    slot.earned += row.earned;
    slot.burned += row.burned;
  }
  return [...byDay.values()];
}
