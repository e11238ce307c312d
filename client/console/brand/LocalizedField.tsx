import { useId } from 'react';
import { BRAND_LOCALES, type LocalizedText } from '../../../shared/protocol/brand.ts';
import { LOCALE_NAMES } from '../../core/i18n/locales.ts';
import { useT } from '../i18n/useT.ts';
import { FieldMessage } from './FieldMessage.tsx';
import type { FieldError } from './fieldErrors.ts';

export interface LocalizedFieldProps {
  label: string;
  /** Field path for errors and test ids: `welcome`, `signage.vip`, `boardLines.0`. */
  path: string;
  value: LocalizedText;
  max: number;
  multiline?: boolean;
  errors: Map<string, FieldError>;
  onChange: (value: LocalizedText) => void;
}

/** One text in the four languages, English first and required; each language's error beside its input. */
export function LocalizedField({
  label,
  path,
  value,
  max,
  multiline,
  errors,
  onChange,
}: LocalizedFieldProps) {
  const t = useT();
  const base = useId();
  return (
    <fieldset className="brand-localized">
      <legend>{label}</legend>
      {BRAND_LOCALES.map((locale) => {
        const id = `${base}-${locale}`;
        const error = errors.get(`${path}.${locale}`);
        const common = {
          id,
          value: value[locale],
          lang: locale,
          'aria-label': t('brand.inLanguage', { field: label, language: LOCALE_NAMES[locale] }),
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? `${id}-error` : undefined,
          'aria-required': locale === 'en' ? true : undefined,
          'data-testid': `brand-${path}-${locale}`,
        };
        const change = (text: string) => onChange({ ...value, [locale]: text });
        return (
          <div key={locale} className={error ? 'field invalid' : 'field'}>
            <label htmlFor={id} aria-hidden="true">
              {LOCALE_NAMES[locale]}
            </label>
            {multiline ? (
              <textarea
                {...common}
                rows={2}
                maxLength={max * 2}
                onChange={(event) => change(event.target.value)}
              />
            ) : (
              <input {...common} maxLength={max * 2} onChange={(event) => change(event.target.value)} />
            )}
            <FieldMessage id={`${id}-error`} error={error} />
          </div>
        );
      })}
    </fieldset>
  );
}
