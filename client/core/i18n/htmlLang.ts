import type { Locale } from './locales.ts';

/** BCP 47 tags for <html lang>, so screen readers and fonts pick the right language and script. */
export const HTML_LANG: Record<Locale, string> = {
  en: 'en',
  'zh-Hant': 'zh-Hant',
  'zh-Hans': 'zh-Hans',
  vi: 'vi',
};
