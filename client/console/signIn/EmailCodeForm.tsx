import { useId, useState } from 'react';
import { EmailAddress } from '../../../shared/protocol/sign-in.ts';
import { sendEmailCode, verifyEmailCode } from '../api.ts';
import { type ConsoleErrorCode, consoleErrorOf } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { startSignedIn } from '../session.ts';
import { useConsoleStore } from '../store.ts';

export interface EmailCodeFormProps {
  busy: boolean;
  setBusy: (busy: boolean) => void;
  onError: (code: ConsoleErrorCode | null) => void;
  /** The display name box, cleaned (a first sign-in with a new address creates a member with it). */
  cleanName: () => string | null;
}

/** "Email me a code": the address, then the 6 digits from the mail; the answer is checked for a staff role. */
export function EmailCodeForm({ busy, setBusy, onError, cleanName }: EmailCodeFormProps) {
  const t = useT();
  const ids = { email: useId(), emailHint: useId(), code: useId(), sent: useId() };
  const locale = useConsoleStore((state) => state.locale);
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');

  const send = async () => {
    const parsed = EmailAddress.safeParse(email);
    if (!parsed.success) return onError('invalidEmail');
    onError(null);
    setBusy(true);
    try {
      await sendEmailCode(parsed.data, locale);
      setSentTo(parsed.data);
      setCode('');
    } catch (failure) {
      onError(consoleErrorOf(failure));
    } finally {
      setBusy(false);
    }
  };

  const verify = async () => {
    if (!sentTo) return;
    if (!/^\d{6}$/.test(code)) return onError('codeInvalid');
    onError(null);
    setBusy(true);
    try {
      await startSignedIn(await verifyEmailCode(sentTo, code, cleanName() ?? undefined));
    } catch (failure) {
      onError(consoleErrorOf(failure));
      setBusy(false);
    }
  };

  if (!sentTo)
    return (
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <div className="field">
          <label htmlFor={ids.email}>{t('signIn.emailLabel')}</label>
          <input
            id={ids.email}
            type="email"
            inputMode="email"
            autoComplete="email"
            value={email}
            maxLength={254}
            onChange={(event) => setEmail(event.target.value)}
            aria-describedby={ids.emailHint}
            data-testid="console-email-input"
          />
          <span id={ids.emailHint} className="hint">
            {t('signIn.emailHint')}
          </span>
        </div>
        <button type="submit" className="primary" disabled={busy} data-testid="console-email-send">
          {busy ? t('signIn.sending') : t('signIn.send')}
        </button>
      </form>
    );

  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        void verify();
      }}
    >
      <p id={ids.sent} role="status">
        {t('signIn.codeSent', { email: sentTo })}
      </p>
      <div className="field">
        <label htmlFor={ids.code}>{t('signIn.codeLabel')}</label>
        <input
          id={ids.code}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          value={code}
          onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
          aria-describedby={ids.sent}
          data-testid="console-code-input"
        />
      </div>
      <button type="submit" className="primary" disabled={busy} data-testid="console-code-verify">
        {t('signIn.verify')}
      </button>
      <button
        type="button"
        className="link"
        disabled={busy}
        onClick={() => {
          setSentTo(null);
          onError(null);
        }}
      >
        {t('signIn.otherEmail')}
      </button>
    </form>
  );
}
