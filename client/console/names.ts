import { publishedPrizes, publishedStamps } from './content/publishedContent.ts';
import type { ConsoleLocale } from './i18n/translate.ts';

/** A prize's name in the console's language, from the published content; the id before it loads or when unknown. */
export function prizeName(id: string, locale: ConsoleLocale): string {
  return publishedPrizes().find((prize) => prize.id === id)?.name[locale] ?? id;
}

/** A stamp's name in the console's language; the id when unknown. */
export function stampName(id: string, locale: ConsoleLocale): string {
  return publishedStamps().find((stamp) => stamp.id === id)?.name[locale] ?? id;
}

/** A short wallet address for headers: 0x1234…abcd. */
export const shortAddress = (address: string) =>
  address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;

/**
 * Who is signed in, for the header: the staff member's name when the server sends it, else their short wallet
 * address; staff without a wallet come as `member:<id>` (never an email), shown as the id's start.
 */
export function staffLabel(me: { address: string; name?: string | undefined }): string {
  if (me.name) return me.name;
  if (me.address.startsWith('member:')) return `${me.address.slice('member:'.length, 'member:'.length + 8)}…`;
  return shortAddress(me.address);
}
