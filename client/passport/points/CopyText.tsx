import { useState } from 'react';

export interface CopyTextProps {
  value: string;
  /** The button's name for a screen reader ("Copy code"), and what it says once copied. */
  label: string;
  copiedLabel: string;
  testId: string;
}

/** A value shown in full beside a button that copies it: a member number or a perk code read out at a desk. */
export function CopyText({ value, label, copiedLabel, testId }: CopyTextProps) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <span className="points-copy">
      <code className="points-code" data-testid={testId}>
        {value}
      </code>
      <button
        type="button"
        className="points-copy-button"
        onClick={copy}
        onBlur={() => setCopied(false)}
        aria-label={label}
        data-testid={`${testId}-copy`}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          {copied ? (
            <path d="M2.5 8.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" strokeWidth="2" />
          ) : (
            <path
              d="M5.5 5.5h8v8h-8zM10.5 3V2.5h-8v8H3"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
            />
          )}
        </svg>
      </button>
      {copied && (
        <span className="visually-hidden" role="status">
          {copiedLabel}
        </span>
      )}
    </span>
  );
}
