import { type Catalogue, en, type MessageKey } from './en.ts';
import type { Locale } from './locales.ts';
import { createTranslator, type MessageVars } from './runtime.ts';
import { vi } from './vi.ts';
import { zhHans } from './zh-Hans.ts';
import { zhHant } from './zh-Hant.ts';

// Kept here while call sites import them from this path; new code imports ./locales.ts.
export { isLocale, LOCALE_NAMES, LOCALES, type Locale } from './locales.ts';

export type TranslationVars = MessageVars;
export type Translate = (key: MessageKey, vars?: TranslationVars) => string;

/** Every lounge catalogue by locale; `en` is the reference the others are checked against. */
export const catalogues: Record<Locale, Catalogue> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans, vi };

/** Formats a lounge message (ICU: `{name}`, plurals, numbers, dates) in the locale. */
export const translate: (locale: Locale, key: MessageKey, vars?: TranslationVars) => string =
  createTranslator(catalogues);
