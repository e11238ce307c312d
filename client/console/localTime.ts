const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `YYYY-MM-DDTHH:mm` in the browser's time zone: the value a datetime-local input shows. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An ISO time from the server, as a datetime-local value; '' when it does not parse. */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : toLocalInput(date);
}

/** `+08:00` for a date in the browser's zone (the offset in force at that date, so summer time counts). */
export function offsetOf(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * A datetime-local value read in the browser's zone, as ISO 8601 with that zone's offset (the form the event schema
 * asks for), or null when it is not a time. A time skipped by a summer-time change moves forward, as browsers do.
 */
export function localInputToIso(value: string): string | null {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map((part) => Number(part ?? 0)) as number[];
  const date = new Date(year!, month! - 1, day!, hour!, minute!, second!);
  if (Number.isNaN(date.getTime()) || date.getMonth() !== month! - 1 || date.getDate() !== day) return null;
  const clock = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${clock}${offsetOf(date)}`;
}

/** The browser's zone name for hints ("Asia/Taipei"); the offset when the name is unknown. */
export function localZoneName(now = new Date()): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || `UTC${offsetOf(now)}`;
}

/** A short date and time in the console's language, for lists and charts. */
export function formatWhen(iso: string, locale: string, withDate = true): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = withDate
    ? { dateStyle: 'medium', timeStyle: 'short' }
    : { hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}
