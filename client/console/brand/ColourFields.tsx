import { useId } from 'react';
import { type BrandColours, contrastRatio, MIN_CONTRAST } from '../../../shared/protocol/brand.ts';
import { useT } from '../i18n/useT.ts';
import { FieldMessage } from './FieldMessage.tsx';
import type { FieldError } from './fieldErrors.ts';

const COLOUR_FIELDS = ['primary', 'accent', 'surface', 'text'] as const;
const HEX = /^#[0-9a-fA-F]{6}$/;

/** One colour: a picker and its hex input, kept in step, with the field's error under them. */
function ColourField({
  field,
  value,
  error,
  onChange,
}: {
  field: (typeof COLOUR_FIELDS)[number];
  value: string;
  error: FieldError | undefined;
  onChange: (value: string) => void;
}) {
  const t = useT();
  const id = useId();
  const label = t(`brand.colour.${field}`);
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <div className="brand-colour">
        <input
          type="color"
          aria-label={label}
          value={HEX.test(value) ? value.toLowerCase() : '#000000'}
          onChange={(event) => onChange(event.target.value)}
          data-testid={`brand-colour-${field}-picker`}
        />
        <input
          id={id}
          value={value}
          maxLength={7}
          spellCheck={false}
          autoComplete="off"
          aria-label={t('brand.colourHex', { colour: label })}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => onChange(event.target.value.trim())}
          data-testid={`brand-colour-${field}`}
        />
      </div>
      <FieldMessage id={`${id}-error`} error={error} />
    </div>
  );
}

/** The four colours, the text's contrast on surface and primary as it stands, and a warning for a faint accent. */
export function ColourFields({
  colours,
  errors,
  onChange,
}: {
  colours: BrandColours;
  errors: Map<string, FieldError>;
  onChange: (colours: BrandColours) => void;
}) {
  const t = useT();
  const valid = COLOUR_FIELDS.every((field) => HEX.test(colours[field]));
  const ratio = (a: string, b: string) => contrastRatio(a, b).toFixed(2);
  const accentLow = valid && contrastRatio(colours.accent, colours.surface) < 3;
  return (
    <>
      <div className="field-row">
        {COLOUR_FIELDS.map((field) => (
          <ColourField
            key={field}
            field={field}
            value={colours[field]}
            error={errors.get(`colours.${field}`)}
            onChange={(value) => onChange({ ...colours, [field]: value })}
          />
        ))}
      </div>
      {valid && (
        <ul className="brand-contrast hint" data-testid="brand-contrast">
          {(['surface', 'primary'] as const).map((back) => (
            <li
              key={back}
              className={contrastRatio(colours.text, colours[back]) < MIN_CONTRAST ? 'error' : ''}
            >
              {t('brand.contrastOk', {
                pair: t(`brand.pair.${back}`),
                ratio: ratio(colours.text, colours[back]),
              })}
            </li>
          ))}
          {accentLow && (
            <li className="warning" data-testid="brand-accent-warning">
              {t('brand.accentLow', { ratio: ratio(colours.accent, colours.surface) })}
            </li>
          )}
        </ul>
      )}
    </>
  );
}
