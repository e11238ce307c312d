import { useId } from 'react';
import { useLayoverStore } from '../core/store.ts';
import { HTML_LANG } from '../i18n/htmlLang.ts';
import { isLocale, LOCALE_NAMES, LOCALES } from '../i18n/translate.ts';
import { useT } from '../i18n/useT.ts';

/** A labelled language switcher; the choice is remembered for the next visit. */
export function LanguageSelect() {
  const t = useT();
  const id = useId();
  const locale = useLayoverStore((state) => state.locale);
  const setLocale = useLayoverStore((state) => state.setLocale);
  return (
    <div className="field-inline">
      <label htmlFor={id}>{t('settings.language')}</label>
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) setLocale(event.target.value);
        }}
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={HTML_LANG[option]}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
