import { isLocale, type Locale } from './translate.ts';

const STORAGE_KEY = 'layover.locale';

/** Picks the first supported language from the browser's preference list; English otherwise. */
export function detectLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    const [language, ...rest] = lower.split(/[-_]/);
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

/** The member's saved choice, or what the browser prefers. */
export function initialLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be blocked (private mode, embedded frames): fall back to detection.
  }
  const nav = globalThis.navigator;
  return detectLocale(nav?.languages?.length ? nav.languages : [nav?.language ?? 'en']);
}

export function saveLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Not persisting is acceptable: the choice still applies for this visit.
  }
}
