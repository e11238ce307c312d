/** One choice of a group: what is stored, and what the operator reads. */
export interface Choice {
  value: string;
  label: string;
}

/** A fieldset of checkboxes whose ticked values are the clause's list (none ticked: no clause). */
export function CheckboxGroup({
  legend,
  choices,
  selected,
  onChange,
  testId,
}: {
  legend: string;
  choices: readonly Choice[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  testId: string;
}) {
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((item) => item !== value));
  return (
    <fieldset className="choice-group" data-testid={testId}>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="check">
          <input
            type="checkbox"
            checked={selected.includes(choice.value)}
            onChange={(event) => toggle(choice.value, event.target.checked)}
            data-testid={`${testId}-${choice.value}`}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
