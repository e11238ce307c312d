import { isLocale, type Locale } from './locales.ts';

/** One key for the lounge and the console, so a language picked in either is kept in both. */
export const LOCALE_STORAGE_KEY = 'layover.locale';

/** Picks the first supported language from the browser's preference list; English otherwise. */
export function detectLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const [language, ...rest] = tag.toLowerCase().split(/[-_]/);
    if (language === 'zh') {
      const traditional = rest.some(
        (part) => part === 'hant' || part === 'tw' || part === 'hk' || part === 'mo',
      );
      return traditional ? 'zh-Hant' : 'zh-Hans';
    }
    if (language === 'vi') return 'vi';
    if (language === 'en') return 'en';
  }
  return 'en';
}

/** The member's saved choice, or what the browser prefers (`languages` defaults to the navigator's). */
export function initialLocale(languages?: readonly string[]): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be blocked (private mode, embedded frames): fall back to detection.
  }
  const nav = globalThis.navigator;
  return detectLocale(languages ?? (nav?.languages?.length ? nav.languages : [nav?.language ?? 'en']));
}

/** Remembers the choice for the next visit, on the lounge page and the console alike. */
export function saveLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not persisting is acceptable: the choice still applies for this visit.
  }
}
