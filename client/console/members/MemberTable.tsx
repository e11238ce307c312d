import { useId } from 'react';
import type { ConsoleMemberView } from '../api.ts';
import { useT } from '../i18n/useT.ts';
import { formatWhen } from '../localTime.ts';
import { shortAddress } from '../names.ts';
import { useConsoleStore } from '../store.ts';

export interface MemberTableProps {
  members: ConsoleMemberView[];
  canRebind: boolean;
  onRebind: (member: ConsoleMemberView) => void;
}

/** Search results: name, id, masked email, ways to sign in, signed-in browsers, and "Re-bind email" for admins. */
export function MemberTable({ members, canRebind, onRebind }: MemberTableProps) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const idPrefix = useId();
  return (
    <div className="table-scroll">
      <table className="stack-table" data-testid="console-member-list">
        <thead>
          <tr>
            <th scope="col">{t('members.name')}</th>
            <th scope="col">{t('members.id')}</th>
            <th scope="col">{t('members.email')}</th>
            <th scope="col">{t('members.signIns')}</th>
            <th scope="col">{t('members.devices')}</th>
            <th scope="col">{t('members.since')}</th>
            {canRebind && <th scope="col">{t('members.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const ways = [
              ...member.credentials.map((credential) => t(`members.kind.${credential.kind}`)),
              ...(member.address ? [`${t('members.kind.wallet')} ${shortAddress(member.address)}`] : []),
            ];
            const nameId = `${idPrefix}-name-${member.id}`;
            const rebindId = `${idPrefix}-rebind-${member.id}`;
            return (
              <tr key={member.id} data-testid="console-member-item">
                <th scope="row" id={nameId} data-label={t('members.name')}>
                  {member.name}
                </th>
                <td data-label={t('members.id')}>
                  <code className="hash">{member.id}</code>
                </td>
                <td data-label={t('members.email')}>{member.email ?? t('members.noEmail')}</td>
                <td data-label={t('members.signIns')}>
                  {ways.length > 0 ? ways.join(', ') : t('members.none.signIns')}
                </td>
                <td data-label={t('members.devices')}>{member.devices}</td>
                <td data-label={t('members.since')}>
                  <time dateTime={new Date(member.createdAt).toISOString()}>
                    {formatWhen(new Date(member.createdAt).toISOString(), locale)}
                  </time>
                </td>
                {canRebind && (
                  <td data-label={t('members.actions')}>
                    <button
                      type="button"
                      id={rebindId}
                      onClick={() => onRebind(member)}
                      // Its visible words first, then whose email (WCAG 2.5.3: the name contains the label).
                      aria-labelledby={`${rebindId} ${nameId}`}
                      data-testid="console-member-rebind"
                    >
                      {t('members.rebind')}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
