import { initialLocale, saveLocale } from '../../core/i18n/detect.ts';
import { isLocale, LOCALES, type Locale } from '../../core/i18n/locales.ts';
import { createTranslator, type MessageVars } from '../../core/i18n/runtime.ts';
import { type ConsoleCatalogue, type ConsoleKey, en } from './en.ts';
import { vi } from './vi.ts';
import { zhHans } from './zh-Hans.ts';
import { zhHant } from './zh-Hant.ts';

// The console speaks the lounge's languages through the lounge's runtime; these names keep its call sites as
// they were (the console's own catalogue stays separate so its page does not load the lounge's messages).
export { LOCALE_NAMES } from '../../core/i18n/locales.ts';
export type ConsoleLocale = Locale;
export const CONSOLE_LOCALES = LOCALES;
export const isConsoleLocale = isLocale;
export const initialConsoleLocale = initialLocale;
export const saveConsoleLocale = saveLocale;

export type Vars = MessageVars;
export type Translate = (key: ConsoleKey, vars?: Vars) => string;

/** Every console catalogue by locale; `en` is the reference the others are checked against. */
export const consoleCatalogues: Record<Locale, ConsoleCatalogue> = {
  en,
  'zh-Hant': zhHant,
  'zh-Hans': zhHans,
  vi,
};

/** Formats a console message (ICU: `{name}`, plurals, numbers, dates) in the locale. */
export const translate: (locale: Locale, key: ConsoleKey, vars?: Vars) => string =
  createTranslator(consoleCatalogues);
