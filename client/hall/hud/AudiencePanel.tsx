import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import type { LoungeMember } from '../../lounge/loungeSlice.ts';
import { useIsHost } from '../hallHooks.ts';
import { InviteOnStageButton } from '../stage/InviteOnStageButton.tsx';
import { HostMemberActions } from './HostMemberActions.tsx';

function MemberRow({ member, host }: { member: LoungeMember; host: boolean }) {
  const t = useT();
  const self = useLayoverStore((state) => state.member?.id === member.id);
  const isHost = useLayoverStore((state) => state.hall?.hosts.includes(member.id) ?? false);
  const muted = useLayoverStore((state) => state.hall?.muted.includes(member.id) ?? false);
  const report = useLayoverStore((state) => state.setReportTarget);
  return (
    <li className="audience-member" data-testid={`audience-${member.id}`}>
      <span className="audience-name">
        {member.name}
        {self && <span className="audience-tag"> {t('event.audience.you')}</span>}
        {isHost && <span className="audience-tag host"> {t('event.audience.host')}</span>}
        {muted && <span className="audience-tag muted"> {t('event.audience.muted')}</span>}
      </span>
      {!self && (
        <span className="audience-actions">
          <button
            type="button"
            onClick={() => report({ memberId: member.id, name: member.name })}
            aria-label={t('event.report.open', { name: member.name })}
            data-testid={`member-report-${member.id}`}
          >
            {t('event.report.button')}
          </button>
          {host && !isHost && <HostMemberActions member={member} muted={muted} />}
          {host && !isHost && !muted && <InviteOnStageButton memberId={member.id} name={member.name} />}
        </span>
      )}
    </li>
  );
}

/** Who is near us in this instance of the hall; report anyone, and as host mute, remove or ban them. */
export function AudiencePanel() {
  const t = useT();
  const members = useLayoverStore((state) => state.members);
  const population = useLayoverStore((state) => state.hall?.population ?? 0);
  const host = useIsHost();
  const sorted = [...members].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="event-audience">
      <p className="event-card-kicker">
        {t('event.audience.count', { count: Math.max(population, members.length) })}
      </p>
      <ul className="audience-list">
        {sorted.map((member) => (
          <MemberRow key={member.sessionId} member={member} host={host} />
        ))}
      </ul>
    </div>
  );
}
