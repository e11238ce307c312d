import type { Locale } from '../../../core/i18n/locales.ts';

/** A feature's console messages: English as the reference, every other locale with exactly its keys. */
export type CataloguePart<English extends Record<string, string>> = {
  en: English;
} & Record<Exclude<Locale, 'en'>, Record<keyof English, string>>;
