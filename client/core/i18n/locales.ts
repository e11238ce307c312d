/** The languages Layover ships, in switcher order; the lounge and the console speak the same four. */
export const LOCALES = ['en', 'zh-Hant', 'zh-Hans', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language named in itself, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  'zh-Hant': '繁體中文',
  'zh-Hans': '简体中文',
  vi: 'Tiếng Việt',
};

/** Narrows a stored or selected value (localStorage, a <select>) to a shipped locale. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
