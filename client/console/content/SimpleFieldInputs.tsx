import type { ContentKind } from '../../../shared/protocol/live-events.ts';
import { useT } from '../i18n/useT.ts';
import { getIn } from './paths.ts';
import { fieldValue, type SimpleField, simpleFields } from './simpleFields.ts';

export interface SimpleFieldInputsProps {
  kind: ContentKind;
  body: unknown;
  onChange: (field: SimpleField, value: unknown) => void;
}

const testIdOf = (field: SimpleField) => `console-content-field-${field.path.join('-')}`;

/** Form inputs for an item's everyday fields; each writes straight into the item the JSON editor shows. */
export function SimpleFieldInputs({ kind, body, onChange }: SimpleFieldInputsProps) {
  const t = useT();
  const fields = simpleFields(kind, body);
  if (fields.length === 0) return null;
  return (
    <fieldset className="content-fields">
      <legend>{t('content.fields')}</legend>
      {fields.map((field) => {
        const id = testIdOf(field);
        const label = t(field.label, field.vars);
        const value = getIn(body, field.path);
        if (field.type === 'boolean')
          return (
            <label key={id} className="check">
              <input
                type="checkbox"
                checked={value === true}
                onChange={(e) => onChange(field, fieldValue(field, e.target.checked))}
                data-testid={id}
              />
              {label}
            </label>
          );
        return (
          <div key={id} className="field">
            <label htmlFor={id}>{label}</label>
            <input
              id={id}
              type={field.type === 'number' ? 'number' : 'text'}
              value={typeof value === 'string' || typeof value === 'number' ? value : ''}
              onChange={(e) => onChange(field, fieldValue(field, e.target.value))}
              data-testid={id}
            />
          </div>
        );
      })}
    </fieldset>
  );
}
