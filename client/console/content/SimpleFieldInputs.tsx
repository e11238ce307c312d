import type { ContentKind } from '../../../shared/protocol/content.ts';
import { useT } from '../i18n/useT.ts';
import { getIn, type Path } from './paths.ts';
import { booleanDefault, fieldValue, type SimpleField, simpleFields } from './simpleFields.ts';

export interface SimpleFieldInputsProps {
  kind: ContentKind;
  body: unknown;
  onChange: (field: SimpleField, value: unknown) => void;
  /** A published prize: its supply, member cap and soulbound flag are fixed on chain and shown read-only. */
  locked: boolean;
  /** Problems to show under a field (the form's own check and the server's preview). */
  messagesAt: (path: Path) => string[];
}

const testIdOf = (field: SimpleField) => `console-content-field-${field.path.join('-')}`;

/** Form inputs for an item's everyday fields; each writes straight into the item the JSON editor shows. */
export function SimpleFieldInputs({ kind, body, onChange, locked, messagesAt }: SimpleFieldInputsProps) {
  const t = useT();
  const fields = simpleFields(kind, body);
  if (fields.length === 0) return null;
  const fixedShown = fields.some((field) => field.fixedOnChain);
  return (
    <fieldset className="content-fields">
      <legend>{t('content.fields')}</legend>
      {fixedShown && (
        <p className="notice" data-testid="console-content-fixed">
          {t(locked ? 'content.fixedNow' : 'content.fixedOnChain')}
        </p>
      )}
      {fields.map((field) => {
        const id = testIdOf(field);
        const label = t(field.label, field.vars);
        const value = getIn(body, field.path);
        const disabled = locked && field.fixedOnChain === true;
        const messages = messagesAt(field.path);
        const errorId = messages.length > 0 ? `${id}-error` : undefined;
        const errors = errorId && (
          <span id={errorId} className="field-error">
            {messages.join(' ')}
          </span>
        );
        if (field.type === 'boolean')
          return (
            <div key={id} className="field">
              <label className="check">
                <input
                  type="checkbox"
                  checked={value === undefined ? booleanDefault(field) : value === true}
                  disabled={disabled}
                  aria-describedby={errorId}
                  onChange={(e) => onChange(field, fieldValue(field, e.target.checked))}
                  data-testid={id}
                />
                {label}
              </label>
              {errors}
            </div>
          );
        return (
          <div key={id} className="field">
            <label htmlFor={id}>{label}</label>
            <input
              id={id}
              type={field.type === 'number' ? 'number' : 'text'}
              value={typeof value === 'string' || typeof value === 'number' ? value : ''}
              disabled={disabled}
              aria-invalid={messages.length > 0 || undefined}
              aria-describedby={errorId}
              onChange={(e) => onChange(field, fieldValue(field, e.target.value))}
              data-testid={id}
            />
            {errors}
          </div>
        );
      })}
    </fieldset>
  );
}
