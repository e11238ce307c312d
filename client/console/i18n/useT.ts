import { useCallback } from 'react';
import { useConsoleStore } from '../store.ts';
import type { ConsoleKey } from './en.ts';
import { type Translate, translate, type Vars } from './translate.ts';

/** A translator bound to the console's locale; components re-render when the language changes. */
export function useT(): Translate {
  const locale = useConsoleStore((state) => state.locale);
  return useCallback((key: ConsoleKey, vars?: Vars) => translate(locale, key, vars), [locale]);
}
