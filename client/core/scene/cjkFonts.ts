import type { Locale } from '../i18n/locales.ts';

/**
 * Where troika finds Chinese glyphs the DejaVu faces lack: Noto Sans CJK cut into ~25 KB WOFF pieces of 128
 * characters (assets/fonts/subset-cjk.py), indexed as unicode-font-resolver data, so a text fetches only the pieces
 * holding its own characters; Latin-only text (every English and Vietnamese screen) fetches none.
 */
export const CJK_FONTS_URL = '/fonts/cjk';

/** True when 3D text should keep Chinese characters: the member reads Chinese, so the pieces are worth fetching. */
export const drawsHan = (locale: Locale): boolean => locale === 'zh-Hant' || locale === 'zh-Hans';
