import type { Locale } from '../../core/i18n/locales.ts';
import { screenVideoEn } from '../../core/i18n/screen-video/en.ts';
import { screenVideoVi } from '../../core/i18n/screen-video/vi.ts';
import { screenVideoZhHans } from '../../core/i18n/screen-video/zh-Hans.ts';
import { screenVideoZhHant } from '../../core/i18n/screen-video/zh-Hant.ts';
import { useLayoverStore } from '../../core/store.ts';

/** A screen-video string key. */
export type ScreenVideoKey = keyof typeof screenVideoEn;

const CATALOGUES: Record<Locale, Record<ScreenVideoKey, string>> = {
  en: screenVideoEn,
  'zh-Hant': screenVideoZhHant,
  'zh-Hans': screenVideoZhHans,
  vi: screenVideoVi,
};

/** The feature's own translator (its catalogue works before the lead spreads it into the top-level ones). */
export function useScreenVideoT(): (key: ScreenVideoKey) => string {
  const locale = useLayoverStore((state) => state.locale);
  return (key) => CATALOGUES[locale][key] ?? screenVideoEn[key];
}
