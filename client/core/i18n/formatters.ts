import type { Formatters } from 'intl-messageformat';

const made = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();

function memo<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(
  kind: string,
  args: unknown[],
  make: () => T,
): T {
  const key = `${kind}:${JSON.stringify(args)}`;
  let formatter = made.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    made.set(key, formatter);
  }
  return formatter;
}

/**
 * Intl formatters shared by every compiled message: building an Intl.NumberFormat or DateTimeFormat is the costly
 * part of formatting, so one per locale and option set serves the whole app.
 */
export const sharedFormatters: Formatters = {
  getNumberFormat: (locales, options) =>
    memo(
      'number',
      [locales, options],
      () => new Intl.NumberFormat(locales, options as Intl.NumberFormatOptions),
    ),
  getDateTimeFormat: (...args) => memo('date', args, () => new Intl.DateTimeFormat(...args)),
  getPluralRules: (...args) => memo('plural', args, () => new Intl.PluralRules(...args)),
};

/**
 * Named date styles the catalogues may use beside ICU's short/medium/long/full: `{at, date, withTime}` is a day and
 * a time of day, `{at, date, weekdayTime}` a weekday and a time (for shows later this week), `{on, date, dayUtc}` a calendar day
 * given as UTC midnight (points expiry, raffle draws), the same day wherever the member is.
 */
export const APP_FORMATS = {
  date: {
    withTime: { dateStyle: 'medium', timeStyle: 'short' },
    weekdayTime: { weekday: 'short', hour: '2-digit', minute: '2-digit' },
    dayUtc: { dateStyle: 'medium', timeZone: 'UTC' },
  },
} as const;
