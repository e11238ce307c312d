import { useEffect, useId, useRef, useState } from 'react';
import { EmailAddress, RebindEmailBody } from '../../../shared/protocol/sign-in.ts';
import { type ConsoleMemberView, rebindEmail } from '../api.ts';
import { type ConsoleErrorCode, consoleErrorOf } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { withSession } from '../session.ts';

export interface RebindFormProps {
  member: ConsoleMemberView;
  onDone: (member: ConsoleMemberView) => void;
  onCancel: () => void;
}

/**
 * Re-binds a member's email (admins): the new address and what the operator checked. Checked with the server's own
 * schema first; the server refuses an address another member holds (credentialInUse) and logs the re-bind.
 */
export function RebindForm({ member, onDone, onCancel }: RebindFormProps) {
  const t = useT();
  const ids = { heading: useId(), email: useId(), reason: useId(), reasonHint: useId(), intro: useId() };
  const [email, setEmail] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ConsoleErrorCode | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(() => emailRef.current?.focus(), []);

  const submit = async () => {
    const body = RebindEmailBody.safeParse({ email, reason });
    if (!body.success)
      return setError(EmailAddress.safeParse(email).success ? 'invalidReason' : 'invalidEmail');
    setBusy(true);
    setError(null);
    try {
      const answer = await withSession((token) =>
        rebindEmail(token, member.id, body.data.email, body.data.reason),
      );
      onDone(answer.member);
    } catch (failure) {
      setError(consoleErrorOf(failure));
      setBusy(false);
    }
  };

  return (
    <form
      className="card stack"
      aria-labelledby={ids.heading}
      aria-describedby={ids.intro}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      data-testid="console-rebind-form"
    >
      <h3 id={ids.heading}>{t('members.rebindFor', { name: member.name })}</h3>
      <p id={ids.intro} className="notice">
        {t('members.rebindIntro')}
      </p>
      <div className="field">
        <label htmlFor={ids.email}>{t('members.newEmail')}</label>
        <input
          id={ids.email}
          ref={emailRef}
          type="email"
          autoComplete="off"
          maxLength={254}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={error === 'invalidEmail' || error === 'credentialInUse' ? true : undefined}
          data-testid="console-rebind-email"
        />
      </div>
      <div className="field">
        <label htmlFor={ids.reason}>{t('members.reason')}</label>
        <textarea
          id={ids.reason}
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          aria-describedby={ids.reasonHint}
          aria-invalid={error === 'invalidReason' ? true : undefined}
          data-testid="console-rebind-reason"
        />
        <span id={ids.reasonHint} className="hint">
          {t('members.reasonHint')}
        </span>
      </div>
      <p role="alert" className="error" data-testid="console-rebind-error">
        {error ? t(`error.${error}`) : ''}
      </p>
      <div className="actions">
        <button type="submit" className="danger" disabled={busy} data-testid="console-rebind-submit">
          {busy ? t('members.rebinding') : t('members.confirm')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('members.cancel')}
        </button>
      </div>
    </form>
  );
}
