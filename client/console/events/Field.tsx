import { cloneElement, type ReactElement, useId } from 'react';
import { FieldErrors } from './FieldErrors.tsx';
import type { FieldIssue } from './fieldIssues.ts';

export interface FieldProps {
  label: string;
  hint?: string;
  issues?: FieldIssue[] | undefined;
  /** One input, select or textarea; it gets the id, aria-invalid and aria-describedby. */
  children: ReactElement<Record<string, unknown>>;
}

/** A labelled form control with its hint and its messages wired for screen readers. */
export function Field({ label, hint, issues, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = Boolean(issues?.length);
  const describedBy = [hint ? hintId : '', invalid ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={invalid ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy })}
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
      <FieldErrors id={errorId} issues={issues} />
    </div>
  );
}
