import { useCallback, useEffect, useId, useState } from 'react';
import type { TeamMemberView } from '../../../shared/protocol/team.ts';
import { type ConsoleErrorCode, consoleErrorOf } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { formatWhen } from '../localTime.ts';
import { withSession } from '../session.ts';
import { useConsoleStore } from '../store.ts';
import { AuditLog } from './AuditLog.tsx';
import { GrantForm } from './GrantForm.tsx';
import { fetchTeam, revokeRole } from './teamApi.ts';

/** The team page (owners): who holds which role, granting and revoking roles, and the audit log below. */
export default function TeamPage() {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const ids = { heading: useId(), members: useId() };
  const [members, setMembers] = useState<TeamMemberView[] | null>(null);
  const [error, setError] = useState<ConsoleErrorCode | null>(null);
  const [done, setDone] = useState('');
  const [auditKey, setAuditKey] = useState(0);

  const load = useCallback(async () => {
    try {
      setMembers((await withSession(fetchTeam)).members);
      setAuditKey((key) => key + 1);
    } catch (failure) {
      setError(consoleErrorOf(failure));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const revoke = async (member: TeamMemberView, role: TeamMemberView['roles'][number]['role']) => {
    setError(null);
    setDone('');
    try {
      await withSession((token) => revokeRole(token, { id: member.id, role }));
      setDone(t('team.revoked'));
    } catch (failure) {
      setError(consoleErrorOf(failure));
    }
    await load();
  };

  return (
    <section className="card" aria-labelledby={ids.heading} data-testid="console-team">
      <div className="section-head">
        <h2 id={ids.heading}>{t('team.heading')}</h2>
      </div>
      <p className="hint">{t('team.intro')}</p>
      <GrantForm
        onGranted={(message) => {
          setError(null);
          setDone(message);
          void load();
        }}
      />
      <p role="alert" className="error">
        {error ? t(`error.${error}`) : ''}
      </p>
      <p role="status" className="ok" data-testid="team-status">
        {done}
      </p>
      <h3 id={ids.members}>{t('team.members.heading')}</h3>
      {members === null && !error && <p className="hint">{t('team.loading')}</p>}
      {members?.length === 0 && <p className="hint">{t('team.members.empty')}</p>}
      {members && members.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls sideways; a keyboard must reach it
        <section className="table-scroll" aria-labelledby={ids.members} tabIndex={0}>
          <table className="stack-table" aria-labelledby={ids.members} data-testid="team-members">
            <thead>
              <tr>
                <th scope="col">{t('team.col.who')}</th>
                <th scope="col">{t('team.col.role')}</th>
                <th scope="col">{t('team.col.grantedBy')}</th>
                <th scope="col">{t('team.col.grantedAt')}</th>
                <th scope="col">{t('team.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {members.flatMap((member) =>
                member.roles.map((held) => (
                  <tr key={`${member.id}-${held.role}`}>
                    <td>
                      {t(`team.kind.${member.kind}`)}: <span className="hash">{member.label}</span>
                    </td>
                    <td>{t(`team.role.${held.role}`)}</td>
                    <td>{held.grantedBy ?? t('team.grantedBy.settings')}</td>
                    <td>{formatWhen(held.grantedAt, locale)}</td>
                    <td>
                      <button
                        type="button"
                        aria-label={t('team.revoke.label', {
                          role: t(`team.role.${held.role}`),
                          who: member.label,
                        })}
                        onClick={() => void revoke(member, held.role)}
                      >
                        {t('team.revoke')}
                      </button>
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </section>
      )}
      <AuditLog key={auditKey} />
    </section>
  );
}
