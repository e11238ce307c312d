/** How long earned points last and how early the member hears they are about to go. */
export interface ExpiryRule {
  /** Calendar months (UTC) a lot lasts after the day it was earned. */
  months: number;
  /** Days before a lot's expiry day that the notice is due. */
  noticeDays: number;
}

/** One line of a member's points: a credit (> 0) is a lot dated `at`; a debit (< 0) takes from the oldest lots. */
export interface ExpiryLine {
  amount: number;
  /** Epoch ms. */
  at: number;
}

/** What the expiry job does for one member now, and what the member is told about next. */
export interface ExpiryState {
  /** Points to take away now (lots whose expiry day has ended); never more than the balance. */
  expireNow: number;
  /** The next expiry day (YYYY-MM-DD, UTC) still ahead and every point that expires at its end. */
  next: { amount: number; on: string } | null;
  /** Whether `next.on` is within `noticeDays` of today (UTC). */
  noticeDue: boolean;
}

const DAY_MS = 86_400_000;

/** The UTC day number (days since 1970-01-01) of an epoch ms. */
export function utcDay(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** The ISO date (YYYY-MM-DD) of a UTC day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The last day a lot earned at `at` can be spent: the same day of the month `months` later, clamped to that month's
 * end (earned Jan 31, one month: Feb 28, or Feb 29 in a leap year). Never earlier for a later `at`.
 */
export function expiryDay(at: number, months: number): number {
  const date = new Date(at);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return utcDay(Date.UTC(year, month, Math.min(date.getUTCDate(), last)));
}

/**
 * FIFO expiry: every debit (spends, reversals, earlier expiries) takes from the oldest lots first, so what is left is
 * the newest credits worth the balance; of those, lots whose expiry day is before today expire now. Posting
 * `expireNow` as a debit and asking again at the same `now` gives 0, so the job is safe to run twice.
 */
export function expiryState(lines: readonly ExpiryLine[], now: number, rule: ExpiryRule): ExpiryState {
  const credits = lines
    .filter((line) => line.amount > 0 && Number.isFinite(line.amount))
    .sort((a, b) => a.at - b.at);
  let debits = lines.reduce((sum, line) => (line.amount < 0 ? sum - line.amount : sum), 0);
  const today = utcDay(now);
  let expireNow = 0;
  let next: { amount: number; day: number } | null = null;
  for (const lot of credits) {
    const taken = Math.min(debits, lot.amount);
    debits -= taken;
    const left = lot.amount - taken;
    if (left === 0) continue;
    const day = expiryDay(lot.at, rule.months);
    if (day < today) expireNow += left;
    else if (!next) next = { amount: left, day };
    else if (day === next.day) next.amount += left;
    else break;
  }
  if (!next) return { expireNow, next: null, noticeDue: false };
  return {
    expireNow,
    next: { amount: next.amount, on: isoDay(next.day) },
    noticeDue: next.day - today <= rule.noticeDays,
  };
}
