import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { errorCodeOf } from '../../core/errorCodes.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { startEmailSignIn, verifyEmailSignIn } from '../net/memberApi.ts';
import { handleSignInResult } from '../session.ts';
import { codeRefusal, RESEND_AFTER_S } from './sessionPlan.ts';

export interface EmailCodeFormProps {
  /** The display name a member created by this sign-in gets (the entry form's), or null when it is not valid. */
  name: string | null;
  disabled: boolean;
}

/** A loose shape check before asking the server (which has the last word and answers invalidEmail). */
const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

type Notice = { key: Parameters<ReturnType<typeof useT>>[0]; vars?: Record<string, number | string> } | null;

/**
 * "Email me a code": the address, then the 6-digit code from the email (focus moves to it), a new code after 30 s,
 * and the server's refusals translated (wrong code with the tries left, expired, locked, too many codes).
 */
export function EmailCodeForm({ name, disabled }: EmailCodeFormProps) {
  const t = useT();
  const ids = { email: useId(), emailHint: useId(), code: useId(), sent: useId(), error: useId() };
  const locale = useLayoverStore((state) => state.locale);
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [sentAt, setSentAt] = useState(0);
  const [now, setNow] = useState(Date.now);
  const [wrongTries, setWrongTries] = useState(0);
  const [working, setWorking] = useState<'send' | 'verify' | null>(null);
  const [error, setError] = useState<Notice>(null);
  const [status, setStatus] = useState<Notice>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  const resendIn = sentTo ? Math.max(0, RESEND_AFTER_S - Math.floor((now - sentAt) / 1000)) : 0;
  useEffect(() => {
    if (resendIn <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [resendIn]);

  useEffect(() => {
    (sentTo ? codeInput : emailInput).current?.focus();
  }, [sentTo]);

  const send = async (address: string, again: boolean) => {
    if (!looksLikeEmail(address)) {
      setError({ key: 'error.invalidEmail' });
      emailInput.current?.focus();
      return;
    }
    setWorking('send');
    setError(null);
    try {
      await startEmailSignIn({ email: address.trim(), locale });
      setSentTo(address.trim());
      const at = Date.now();
      setSentAt(at);
      setNow(at);
      setCode('');
      setWrongTries(0);
      setStatus(again ? { key: 'signIn.resent' } : null);
      if (again) codeInput.current?.focus();
    } catch (failure) {
      setError({ key: `error.${errorCodeOf(failure, 'network')}` });
    } finally {
      setWorking(null);
    }
  };

  const verify = async () => {
    if (!sentTo) return;
    if (!/^\d{6}$/.test(code)) {
      setError({ key: 'signIn.codeFormat' });
      codeInput.current?.focus();
      return;
    }
    setWorking('verify');
    setError(null);
    setStatus(null);
    try {
      const { token } = useLayoverStore.getState();
      const result = await verifyEmailSignIn({ email: sentTo, code, ...(name ? { name } : {}) }, token);
      await handleSignInResult(result);
    } catch (failure) {
      const refused = errorCodeOf(failure, 'network');
      const wrong = refused === 'codeInvalid' ? wrongTries + 1 : wrongTries;
      setWrongTries(wrong);
      const notice = codeRefusal(refused, wrong);
      setError('count' in notice ? { key: notice.key, vars: { count: notice.count } } : { key: notice.key });
      setCode('');
      codeInput.current?.focus();
    } finally {
      setWorking(null);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (working || disabled) return;
    void (sentTo ? verify() : send(email, false));
  };

  const errorText = error ? t(error.key, error.vars) : '';
  const busy = disabled || working !== null;

  return (
    <form className="signin-email" onSubmit={onSubmit} noValidate>
      {sentTo === null ? (
        <>
          <label htmlFor={ids.email}>{t('signIn.emailLabel')}</label>
          <input
            ref={emailInput}
            id={ids.email}
            data-testid="email-input"
            type="email"
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              setError(null);
            }}
            placeholder={t('signIn.emailPlaceholder')}
            autoComplete="email"
            inputMode="email"
            maxLength={254}
            aria-invalid={error !== null}
            aria-describedby={`${ids.emailHint}${errorText ? ` ${ids.error}` : ''}`}
            disabled={busy}
          />
          <p id={ids.emailHint} className="hint">
            {t('signIn.emailHint')}
          </p>
          <div id={ids.error} role="alert" className="form-error">
            {errorText}
          </div>
          <button type="submit" className="primary" data-testid="email-send" disabled={busy}>
            {working === 'send' ? t('signIn.sending') : t('signIn.send')}
          </button>
        </>
      ) : (
        <>
          <p id={ids.sent} className="hint">
            {t('signIn.codeSent', { email: sentTo })}
          </p>
          <label htmlFor={ids.code}>{t('signIn.codeLabel')}</label>
          <input
            ref={codeInput}
            id={ids.code}
            data-testid="code-input"
            className="signin-code"
            value={code}
            onChange={(event) => {
              setCode(event.target.value.replace(/\D/g, '').slice(0, 6));
              setError(null);
            }}
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={6}
            aria-invalid={error !== null}
            aria-describedby={`${ids.sent}${errorText ? ` ${ids.error}` : ''}`}
            disabled={busy}
          />
          <div id={ids.error} role="alert" className="form-error">
            {errorText}
          </div>
          <button type="submit" className="primary" data-testid="code-verify" disabled={busy}>
            {working === 'verify' ? t('signIn.verifying') : t('signIn.verify')}
          </button>
          <div className="signin-row">
            <button
              type="button"
              className="link"
              data-testid="email-resend"
              onClick={() => void send(sentTo, true)}
              disabled={busy || resendIn > 0}
            >
              {resendIn > 0 ? t('signIn.resendIn', { seconds: resendIn }) : t('signIn.resend')}
            </button>
            <button
              type="button"
              className="link"
              onClick={() => {
                setSentTo(null);
                setError(null);
                setStatus(null);
              }}
              disabled={busy}
            >
              {t('signIn.otherEmail')}
            </button>
          </div>
        </>
      )}
      <p role="status" className="hint">
        {working === 'verify' ? t('signIn.verifying') : status ? t(status.key, status.vars) : ''}
      </p>
    </form>
  );
}
