import { useId } from 'react';
import { CONSOLE_LOCALES, isConsoleLocale, LOCALE_NAMES } from './i18n/translate.ts';
import { useT } from './i18n/useT.ts';
import { useConsoleStore } from './store.ts';

/** The console's language switcher; the choice is shared with the lounge page and remembered. */
export function LanguageSwitch() {
  const t = useT();
  const id = useId();
  const locale = useConsoleStore((state) => state.locale);
  const setLocale = useConsoleStore((state) => state.setLocale);
  return (
    <div className="lang">
      <label htmlFor={id}>{t('lang.label')}</label>
      <select
        id={id}
        value={locale}
        onChange={(event) => isConsoleLocale(event.target.value) && setLocale(event.target.value)}
        data-testid="console-language"
      >
        {CONSOLE_LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
