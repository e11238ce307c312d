import { IntlMessageFormat } from 'intl-messageformat';
import { APP_FORMATS, sharedFormatters } from './formatters.ts';
import type { Locale } from './locales.ts';

/** What a message argument may be: text, a number (plurals, `{n, number}`), or a moment (`{at, date, medium}`). */
export type MessageValue = string | number | Date;
export type MessageVars = Record<string, MessageValue>;

/** One message per key, per locale: the shape of a catalogue set (the lounge's, the console's). */
export type CatalogueSet<K extends string> = Record<Locale, Record<K, string>>;

/** Looks a message up in one catalogue set and formats it for the locale. */
export type TranslateIn<K extends string> = (locale: Locale, key: K, vars?: MessageVars) => string;

/**
 * Compiles an ICU message once. Tags stay literal text (`ignoreTag`): no message renders markup, so a `<` in a
 * translation must never change how the message parses.
 */
export function compileMessage(message: string, locale: Locale): IntlMessageFormat {
  return new IntlMessageFormat(message, locale, APP_FORMATS, {
    formatters: sharedFormatters,
    ignoreTag: true,
  });
}

/**
 * The one i18n runtime: a translator over a catalogue set, with a compiled-message cache per locale and key.
 * A missing translation falls back to the reference locale (then to the key); a message that cannot be formatted (a value left
 * out by the caller) shows its source, placeholders and all, rather than breaking the screen.
 */
export function createTranslator<K extends string>(
  catalogues: CatalogueSet<K>,
  reference: Locale = 'en',
): TranslateIn<K> {
  const compiled = new Map<string, IntlMessageFormat | null>();
  return (locale, key, vars) => {
    const source = catalogues[locale]?.[key] ?? catalogues[reference][key] ?? key;
    const cacheKey = `${locale}\u0000${key}`;
    let message = compiled.get(cacheKey);
    if (message === undefined) {
      try {
        message = compileMessage(source, locale);
      } catch {
        message = null;
      }
      compiled.set(cacheKey, message);
    }
    if (message === null) return source;
    try {
      const out = message.format<string>(vars);
      return Array.isArray(out) ? out.join('') : String(out);
    } catch {
      return source;
    }
  };
}
