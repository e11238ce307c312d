import { useId } from 'react';

export interface Choice<V extends string | number> {
  value: V;
  label: string;
  /** A colour swatch shown instead of the text (which stays the radio's accessible name). */
  swatch?: string;
}

export interface ChoiceGroupProps<V extends string | number> {
  legend: string;
  choices: readonly Choice<V>[];
  value: V;
  onChange: (value: V) => void;
  testId: string;
}

/**
 * One choice of the look as native radios in a fieldset: arrow keys move and choose within the group, Tab leaves
 * it. Swatches show their colour, with its name as the label (and after the legend, for the chosen one).
 */
export function ChoiceGroup<V extends string | number>({
  legend,
  choices,
  value,
  onChange,
  testId,
}: ChoiceGroupProps<V>) {
  const name = useId();
  const swatches = choices.some((choice) => choice.swatch);
  const chosen = choices.find((choice) => choice.value === value);
  return (
    <fieldset className={`avatar-group${swatches ? ' avatar-swatches' : ''}`} data-testid={testId}>
      <legend>
        {legend}
        {swatches && chosen && <span className="avatar-chosen">: {chosen.label}</span>}
      </legend>
      <div className="avatar-choices">
        {choices.map((choice) => (
          <label key={choice.value} className="avatar-choice" title={swatches ? choice.label : undefined}>
            <input
              type="radio"
              name={name}
              value={String(choice.value)}
              checked={choice.value === value}
              onChange={() => onChange(choice.value)}
              data-testid={`${testId}-${choice.value}`}
            />
            {choice.swatch ? (
              <>
                <span className="avatar-swatch" style={{ background: choice.swatch }} aria-hidden="true" />
                <span className="visually-hidden">{choice.label}</span>
              </>
            ) : (
              <span className="avatar-chip">{choice.label}</span>
            )}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
