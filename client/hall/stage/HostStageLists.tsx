import { MAX_ON_STAGE, type StageMediaView } from '../../../shared/protocol/stage-media.ts';
import { useT } from '../../core/i18n/useT.ts';
import { sendStage } from './stageNet.ts';

/** Raised hands (oldest first) to invite, invitations waiting for an answer, and members on stage to mute or end. */
export function HostStageLists({ view, full }: { view: StageMediaView; full: boolean }) {
  const t = useT();
  return (
    <>
      <h5>{t('stage.host.hands')}</h5>
      {view.hands.length === 0 ? (
        <p className="event-empty">{t('stage.host.noHands')}</p>
      ) : (
        <ul className="stage-list" data-testid="host-stage-hands">
          {view.hands.map((hand) => (
            <li key={hand.memberId} data-testid={`host-stage-hand-${hand.memberId}`}>
              <span className="stage-name">{hand.name}</span>
              <button
                type="button"
                disabled={full}
                onClick={() => sendStage('stageInvite', { memberId: hand.memberId })}
                aria-label={t('stage.host.inviteLabel', { name: hand.name })}
                data-testid={`host-stage-invite-${hand.memberId}`}
              >
                {t('stage.host.invite')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {full && (
        <p className="event-empty" data-testid="host-stage-full">
          {t('stage.host.full', { max: MAX_ON_STAGE })}
        </p>
      )}
      {view.invited.length > 0 && (
        <>
          <h5>{t('stage.host.invited')}</h5>
          <ul className="stage-list">
            {view.invited.map((member) => (
              <li key={member.memberId} data-testid={`host-stage-invited-${member.memberId}`}>
                <span className="stage-name">
                  {member.name} <span className="audience-tag">{t('stage.host.waiting')}</span>
                </span>
                <button
                  type="button"
                  onClick={() => sendStage('stageEndMember', { memberId: member.memberId })}
                  aria-label={t('stage.host.withdrawLabel', { name: member.name })}
                  data-testid={`host-stage-withdraw-${member.memberId}`}
                >
                  {t('stage.host.withdraw')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h5>{t('stage.host.onStage')}</h5>
      {view.onStage.length === 0 ? (
        <p className="event-empty">{t('stage.host.nobodyOnStage')}</p>
      ) : (
        <ul className="stage-list">
          {view.onStage.map((member) => {
            const vars = { name: member.name };
            return (
              <li key={member.memberId} data-testid={`host-stage-on-${member.memberId}`}>
                <span className="stage-name">
                  {member.name}
                  {member.muted && <span className="audience-tag muted"> {t('stage.host.mutedTag')}</span>}
                </span>
                <span className="audience-actions">
                  <button
                    type="button"
                    onClick={() =>
                      sendStage('stageMuteMember', { memberId: member.memberId, muted: !member.muted })
                    }
                    aria-label={t(member.muted ? 'stage.host.unmuteLabel' : 'stage.host.muteLabel', vars)}
                    data-testid={`host-stage-mute-${member.memberId}`}
                  >
                    {t(member.muted ? 'stage.host.unmute' : 'stage.host.mute')}
                  </button>
                  <button
                    type="button"
                    onClick={() => sendStage('stageEndMember', { memberId: member.memberId })}
                    aria-label={t('stage.host.endLabel', vars)}
                    data-testid={`host-stage-end-${member.memberId}`}
                  >
                    {t('stage.host.end')}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
