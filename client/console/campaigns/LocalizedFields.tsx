import { useId } from 'react';
import type { CampaignText } from '../../../shared/protocol/segments.ts';
import { LOCALE_NAMES, LOCALES } from '../../core/i18n/locales.ts';
import { useT } from '../i18n/useT.ts';

/** One text in the four languages: English required, the others optional (members then read English). */
export function LocalizedFields({
  field,
  value,
  onChange,
  multiline,
  testId,
}: {
  field: string;
  value: CampaignText;
  onChange: (next: CampaignText) => void;
  multiline?: boolean;
  testId: string;
}) {
  const t = useT();
  const base = useId();
  return (
    <>
      {LOCALES.map((locale) => {
        const id = `${base}-${locale}`;
        const hint = `${id}-hint`;
        const props = {
          id,
          value: value[locale] ?? '',
          required: locale === 'en',
          'aria-describedby': locale === 'en' ? undefined : hint,
          lang: locale,
          'data-testid': `${testId}-${locale}`,
          onChange: (event: { target: { value: string } }) =>
            onChange({ ...value, [locale]: event.target.value }),
        };
        return (
          <div className="field" key={locale}>
            <label htmlFor={id}>{t('campaigns.textIn', { field, language: LOCALE_NAMES[locale] })}</label>
            {multiline ? (
              <textarea rows={3} maxLength={2000} {...props} />
            ) : (
              <input maxLength={120} {...props} />
            )}
            {locale !== 'en' && (
              <span id={hint} className="hint">
                {t('campaigns.optional')}
              </span>
            )}
          </div>
        );
      })}
    </>
  );
}
