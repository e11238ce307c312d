import { useCallback } from 'react';
import { useLayoverStore } from '../store.ts';
import type { MessageKey } from './en.ts';
import { type Translate, type TranslationVars, translate } from './translate.ts';

/** A translator bound to the current UI locale; components re-render when the locale changes. */
export function useT(): Translate {
  const locale = useLayoverStore((state) => state.locale);
  return useCallback((key: MessageKey, vars?: TranslationVars) => translate(locale, key, vars), [locale]);
}

/** Translates outside React (net code, toasts built from events). */
export function t(key: MessageKey, vars?: TranslationVars): string {
  return translate(useLayoverStore.getState().locale, key, vars);
}
