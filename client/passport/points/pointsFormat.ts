import { sharedFormatters } from '../../core/i18n/formatters.ts';
import type { Locale } from '../../core/i18n/locales.ts';

/** A history amount with its sign (+120, −300) grouped as the locale groups numbers, so gains and spends read apart. */
export function signedAmount(amount: number, locale: Locale): string {
  const format = sharedFormatters.getNumberFormat(locale, { signDisplay: 'exceptZero' }) as Intl.NumberFormat;
  return format.format(amount);
}

/** A count grouped as the locale groups numbers (500, 1,000, 1.000). */
export function formatNumber(value: number, locale: Locale): string {
  return (sharedFormatters.getNumberFormat(locale) as Intl.NumberFormat).format(value);
}

/** `2027-01-05` (a UTC calendar day from the server) as the Date the `dayUtc` message format shows as that day. */
export function utcDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** The partner desks that take a member number: the names in the member's language, "A, B or C". */
export function listOf(names: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: 'disjunction' }).format(names);
}
