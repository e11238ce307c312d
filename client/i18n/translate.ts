import { type Catalogue, en, type MessageKey } from './en.ts';
import { vi } from './vi.ts';
import { zhHans } from './zh-Hans.ts';
import { zhHant } from './zh-Hant.ts';

export const LOCALES = ['en', 'zh-Hant', 'zh-Hans', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];

export type TranslationVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslationVars) => string;

/** Every catalogue by locale; `en` is the reference the others are checked against. */
export const catalogues: Record<Locale, Catalogue> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans, vi };

/** Each language named in itself, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  'zh-Hant': '繁體中文',
  'zh-Hans': '简体中文',
  vi: 'Tiếng Việt',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Looks a message up and fills its `{name}` placeholders; unknown placeholders are left as written. */
export function translate(locale: Locale, key: MessageKey, vars?: TranslationVars): string {
  const template = catalogues[locale][key] ?? en[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** The placeholder names a message uses, e.g. `['count', 'max']`. */
export function placeholdersOf(message: string): string[] {
  return Array.from(message.matchAll(/\{(\w+)\}/g), (match) => match[1] ?? '');
}
