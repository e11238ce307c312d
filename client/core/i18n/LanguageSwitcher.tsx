import { useId } from 'react';
import { HTML_LANG } from './htmlLang.ts';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from './locales.ts';

export interface LanguageSwitcherProps {
  /** The page's current language. */
  locale: Locale;
  /** Called with the chosen language; the page's store saves it under the shared `layover.locale` key. */
  onChange: (locale: Locale) => void;
  /** "Language", in the current language (each app translates it from its own catalogue). */
  label: string;
  /** The wrapper's class: the lounge lays it out inline with its HUD actions, the console in its header. */
  className?: string;
  testId?: string;
}

/** The one language switcher of the lounge and the console: each language is named in itself and tagged for it. */
export function LanguageSwitcher({
  locale,
  onChange,
  label,
  className = 'field-inline',
  testId,
}: LanguageSwitcherProps) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) onChange(event.target.value);
        }}
        data-testid={testId}
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
