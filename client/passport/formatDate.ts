import { HTML_LANG } from '../i18n/htmlLang.ts';
import type { Locale } from '../i18n/translate.ts';

const dates = new Map<Locale, Intl.DateTimeFormat>();
const dateTimes = new Map<Locale, Intl.DateTimeFormat>();

/** A day in the member's language, e.g. `12 Mar 2026` or `2026年3月12日`. */
export function formatDate(ms: number, locale: Locale): string {
  let format = dates.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(HTML_LANG[locale], { dateStyle: 'medium' });
    dates.set(locale, format);
  }
  return format.format(ms);
}

/** A day and time in the member's language, for "available again" moments. */
export function formatDateTime(ms: number, locale: Locale): string {
  let format = dateTimes.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(HTML_LANG[locale], { dateStyle: 'medium', timeStyle: 'short' });
    dateTimes.set(locale, format);
  }
  return format.format(ms);
}

/** `0x1234…abcd`: enough of a transaction hash to recognise it. */
export function shortHash(hash: string): string {
  return hash.length > 14 ? `${hash.slice(0, 6)}…${hash.slice(-4)}` : hash;
}
