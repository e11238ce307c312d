import { type FormEvent, useId, useState } from 'react';
import { confirmFreshSignInCode, sendFreshSignInCode } from '../../account/session.ts';
import { type ErrorCode, errorCodeOf } from '../../core/errorCodes.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';

/**
 * Signs in again by emailed code as a fresh sign-in: the code is checked without the current session, so the server
 * opens a new browser session (signed in now) for the same member, and the card's action carries on with it.
 */
export function ReauthEmailForm({ testId }: { testId: string }) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  const ids = { email: useId(), code: useId() };
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (!sent) {
        await sendFreshSignInCode(email.trim(), locale);
        setSent(true);
      } else {
        await confirmFreshSignInCode(email.trim(), code.trim());
      }
    } catch (failure) {
      setError(errorCodeOf(failure, sent ? 'codeInvalid' : 'invalidEmail'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="gift-form" onSubmit={(event) => void onSubmit(event)} noValidate data-testid={testId}>
      <label htmlFor={ids.email}>{t('signIn.emailLabel')}</label>
      <input
        id={ids.email}
        type="email"
        autoComplete="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        disabled={busy || sent}
        data-testid={`${testId}-email`}
      />
      {sent && (
        <>
          <p role="status">{t('signIn.codeSent', { email: email.trim() })}</p>
          <label htmlFor={ids.code}>{t('signIn.codeLabel')}</label>
          <input
            id={ids.code}
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            disabled={busy}
            data-testid={`${testId}-code`}
          />
        </>
      )}
      {error && (
        <p className="prize-error" role="alert">
          {t(`error.${error}`)}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy} data-testid={`${testId}-submit`}>
        {t(sent ? 'signIn.verify' : 'signIn.send')}
      </button>
    </form>
  );
}
