import { type ConsoleCatalogue, type ConsoleKey, en } from './en.ts';
import { vi } from './vi.ts';
import { zhHans } from './zh-Hans.ts';
import { zhHant } from './zh-Hant.ts';

/** The languages the console ships, as in the lounge. */
export const CONSOLE_LOCALES = ['en', 'zh-Hant', 'zh-Hans', 'vi'] as const;
export type ConsoleLocale = (typeof CONSOLE_LOCALES)[number];

export type Vars = Record<string, string | number>;
export type Translate = (key: ConsoleKey, vars?: Vars) => string;

/** Every console catalogue by locale; `en` is the reference the others are checked against. */
export const consoleCatalogues: Record<ConsoleLocale, ConsoleCatalogue> = {
  en,
  'zh-Hant': zhHant,
  'zh-Hans': zhHans,
  vi,
};

/** Each language named in itself, for the switcher. */
export const LOCALE_NAMES: Record<ConsoleLocale, string> = {
  en: 'English',
  'zh-Hant': '繁體中文',
  'zh-Hans': '简体中文',
  vi: 'Tiếng Việt',
};

/** Narrows a stored or selected value to a console locale. */
export function isConsoleLocale(value: unknown): value is ConsoleLocale {
  return typeof value === 'string' && (CONSOLE_LOCALES as readonly string[]).includes(value);
}

/** Looks a message up and fills its `{name}` placeholders; unknown placeholders are left as written. */
export function translate(locale: ConsoleLocale, key: ConsoleKey, vars?: Vars): string {
  const template = consoleCatalogues[locale][key] ?? en[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** The placeholder names a message uses, e.g. `['count', 'max']`. */
export function placeholdersOf(message: string): string[] {
  return Array.from(message.matchAll(/\{(\w+)\}/g), (match) => match[1] ?? '').sort();
}

/** Shared with the lounge page, so a language picked in either is kept in both. */
const STORAGE_KEY = 'layover.locale';

/** The saved choice, else the first browser language the console speaks, else English. */
export function initialConsoleLocale(
  languages: readonly string[] = globalThis.navigator?.languages ?? [],
): ConsoleLocale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isConsoleLocale(saved)) return saved;
  } catch {
    // Storage can be blocked; fall back to the browser's languages.
  }
  for (const tag of languages) {
    const [language, ...rest] = tag.toLowerCase().split(/[-_]/);
    if (language === 'zh')
      return rest.some((part) => ['hant', 'tw', 'hk', 'mo'].includes(part)) ? 'zh-Hant' : 'zh-Hans';
    if (language === 'vi' || language === 'en') return language;
  }
  return 'en';
}

/** Remembers the language for the next visit (and for the lounge page). */
export function saveConsoleLocale(locale: ConsoleLocale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Not persisting is fine: the choice still applies on this page.
  }
}
