import { useId, useState } from 'react';
import { STAFF_ROLES, type StaffRoleName } from '../../../shared/protocol/staff-roles.ts';
import type { PrincipalKind } from '../../../shared/protocol/team.ts';
import { type ConsoleErrorCode, consoleErrorOf } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { withSession } from '../session.ts';
import { grantRole } from './teamApi.ts';

const KINDS: readonly PrincipalKind[] = ['wallet', 'email', 'oidc'];

/** Grants a role to a wallet, an email or a brand login; tells the page to reload its list when done. */
export function GrantForm({ onGranted }: { onGranted: (message: string) => void }) {
  const t = useT();
  const ids = { heading: useId(), kind: useId(), value: useId(), hint: useId(), role: useId() };
  const [kind, setKind] = useState<PrincipalKind>('email');
  const [value, setValue] = useState('');
  const [role, setRole] = useState<StaffRoleName>('host');
  const [error, setError] = useState<ConsoleErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await withSession((token) => grantRole(token, { kind, value, role }));
      setValue('');
      onGranted(t(answer.granted ? 'team.granted' : 'team.alreadyHeld'));
    } catch (failure) {
      setError(consoleErrorOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      aria-labelledby={ids.heading}
      data-testid="team-grant"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id={ids.heading}>{t('team.grant.heading')}</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.kind}>{t('team.grant.kind')}</label>
          <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as PrincipalKind)}>
            {KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`team.kind.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.value}>{t('team.grant.value')}</label>
          <input
            id={ids.value}
            value={value}
            required
            aria-describedby={ids.hint}
            aria-invalid={error === 'invalidPrincipal' || undefined}
            onChange={(e) => setValue(e.target.value)}
            data-testid="team-grant-value"
          />
          <p id={ids.hint} className="hint">
            {t(`team.grant.hint.${kind}`)}
          </p>
        </div>
        <div className="field">
          <label htmlFor={ids.role}>{t('team.grant.role')}</label>
          <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value as StaffRoleName)}>
            {STAFF_ROLES.map((option) => (
              <option key={option} value={option}>
                {t(`team.role.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={busy} data-testid="team-grant-submit">
          {t('team.grant.submit')}
        </button>
      </div>
      <p role="alert" className="error">
        {error ? t(`error.${error}`) : ''}
      </p>
    </form>
  );
}
