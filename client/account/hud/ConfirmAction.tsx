import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useT } from '../../core/i18n/useT.ts';

export interface ConfirmActionProps {
  /** The button's visible text ("Remove", "Sign out"). */
  label: string;
  /** Its screen-reader name when the visible text alone is ambiguous in a list ("Remove m•••@example.com"). */
  accessibleLabel?: string;
  /** The question asked before acting. */
  question: string;
  /** The confirming button's text ("Yes, remove"). */
  confirmLabel: string;
  /** Runs on confirmation; resolves true when done (the row goes away), false to offer the button again. */
  onConfirm: () => Promise<boolean>;
  testId: string;
  className?: string;
}

/**
 * A destructive action behind a second step: the question and "Yes"/"Cancel" replace the button in place, focus
 * moves to "Yes", and Escape or Cancel returns to the button (without closing the panel around it).
 */
export function ConfirmAction({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  onConfirm,
  testId,
  className,
}: ConfirmActionProps) {
  const t = useT();
  const [step, setStep] = useState<'idle' | 'asking' | 'busy'>('idle');
  const trigger = useRef<HTMLButtonElement>(null);
  const yes = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (step === 'asking') yes.current?.focus();
    if (step === 'idle' && returnFocus.current) {
      returnFocus.current = false;
      trigger.current?.focus();
    }
  }, [step]);

  const cancel = () => {
    returnFocus.current = true;
    setStep('idle');
  };

  const confirm = async () => {
    setStep('busy');
    const done = await onConfirm();
    if (!done) {
      returnFocus.current = true;
      setStep('idle');
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || step !== 'asking') return;
    event.stopPropagation();
    cancel();
  };

  if (step === 'idle')
    return (
      <button
        ref={trigger}
        type="button"
        className={className}
        onClick={() => setStep('asking')}
        aria-label={accessibleLabel}
        data-testid={testId}
      >
        {label}
      </button>
    );

  return (
    // Escape inside the question cancels it, as in a dialog.
    <fieldset className="account-confirm-step" onKeyDown={onKeyDown}>
      <legend>{question}</legend>
      <div className="account-actions">
        <button
          ref={yes}
          type="button"
          className="danger"
          onClick={() => void confirm()}
          disabled={step === 'busy'}
          data-testid={`${testId}-confirm`}
        >
          {confirmLabel}
        </button>
        <button type="button" onClick={cancel} disabled={step === 'busy'} data-testid={`${testId}-cancel`}>
          {t('account.confirm.cancel')}
        </button>
      </div>
    </fieldset>
  );
}
