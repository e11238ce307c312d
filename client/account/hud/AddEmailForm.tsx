import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { type ErrorCode, errorCodeOf } from '../../core/errorCodes.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { startEmail, verifyEmail } from '../net/accountApi.ts';
import { codeDigits, isCompleteCode, looksLikeEmail } from './keepAccountView.ts';
import { applyLinkResult } from './linkResult.ts';

export interface AddEmailFormProps {
  /** The email was added to this member. */
  onAdded: () => void;
  /** The email belongs to another member: the app's "continue as <name>?" dialog took over. */
  onMergeOffer: () => void;
  onCancel: () => void;
}

type Step = 'email' | 'code';

/** Email, then the 6-digit code sent to it, then the email is one of the member's ways to sign in. */
export function AddEmailForm({ onAdded, onMergeOffer, onCancel }: AddEmailFormProps) {
  const t = useT();
  const ids = { email: useId(), emailHint: useId(), code: useId(), codeHint: useId(), error: useId() };
  const token = useLayoverStore((state) => state.token);
  const locale = useLayoverStore((state) => state.locale);
  const [step, setStep] = useState<Step>('email');
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  // Focus goes to the step's field when it opens, and back to it after a refusal (the fields are disabled while a
  // call is out, which drops the focus).
  useEffect(() => {
    if (!busy) (step === 'email' ? emailInput : codeInput).current?.focus();
  }, [step, busy]);

  const run = async (work: (token: string) => Promise<void>, what: string) => {
    if (!token) return setError('unauthorized');
    setBusy(true);
    setError(null);
    try {
      await work(token);
    } catch (cause) {
      console.warn(`Layover: ${what} failed`, cause);
      setError(errorCodeOf(cause, 'network'));
    } finally {
      setBusy(false);
    }
  };

  const send = (event?: FormEvent) => {
    event?.preventDefault();
    if (!looksLikeEmail(email)) return setError('invalidEmail');
    void run(async (token) => {
      await startEmail(token, email.trim(), locale);
      setCode('');
      setStep('code');
    }, 'sending an email code');
  };

  const verify = (event: FormEvent) => {
    event.preventDefault();
    if (!isCompleteCode(code)) return setError('codeInvalid');
    void run(async (token) => {
      const outcome = await applyLinkResult(
        await verifyEmail(token, email.trim(), code),
        'account.email.added',
      );
      if (outcome === 'offer') onMergeOffer();
      else onAdded();
    }, 'verifying an email code');
  };

  const describedBy = (hint: string) => (error ? `${hint} ${ids.error}` : hint);

  return (
    <div className="account-email-form">
      {step === 'email' ? (
        <form onSubmit={send} noValidate>
          <label htmlFor={ids.email}>{t('account.email.label')}</label>
          <input
            ref={emailInput}
            id={ids.email}
            type="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-describedby={describedBy(ids.emailHint)}
            aria-invalid={error === 'invalidEmail'}
            disabled={busy}
            data-testid="keep-email-input"
          />
          <p id={ids.emailHint} className="account-hint">
            {t('account.email.hint')}
          </p>
          <div className="account-actions">
            <button type="submit" className="primary" disabled={busy} data-testid="keep-email-send">
              {busy ? t('account.email.sending') : t('account.email.send')}
            </button>
            <button type="button" onClick={onCancel} disabled={busy}>
              {t('account.confirm.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <form onSubmit={verify} noValidate>
          <label htmlFor={ids.code}>{t('account.email.codeLabel')}</label>
          <input
            ref={codeInput}
            id={ids.code}
            type="text"
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={7}
            value={code}
            onChange={(event) => setCode(codeDigits(event.target.value))}
            aria-describedby={describedBy(ids.codeHint)}
            aria-invalid={error?.startsWith('code') === true}
            disabled={busy}
            data-testid="keep-code-input"
          />
          <p id={ids.codeHint} className="account-hint">
            {t('account.email.codeHint', { email: email.trim() })}
          </p>
          <div className="account-actions">
            <button type="submit" className="primary" disabled={busy} data-testid="keep-code-verify">
              {busy ? t('account.email.verifying') : t('account.email.verify')}
            </button>
            <button type="button" onClick={() => send()} disabled={busy}>
              {t('account.email.resend')}
            </button>
            <button type="button" onClick={() => setStep('email')} disabled={busy}>
              {t('account.email.otherEmail')}
            </button>
          </div>
        </form>
      )}
      <p id={ids.error} className="account-error" role="alert">
        {error ? t(`error.${error}`) : ''}
      </p>
    </div>
  );
}
