import { MAX_ON_STAGE } from '../../../shared/protocol/stage-media.ts';
import { useT } from '../../core/i18n/useT.ts';
import { sendStage } from './stageNet.ts';
import { useStageStore } from './stageStore.ts';

/** A host's "Invite on stage" for a member seen in the hall (a question in the Q&A, the audience list). */
export function InviteOnStageButton({ memberId, name }: { memberId: string; name: string }) {
  const t = useT();
  const taken = useStageStore((state) => {
    const { onStage, invited, live } = state.view;
    if (live?.memberId === memberId) return true;
    if ([...onStage, ...invited].some((m) => m.memberId === memberId)) return true;
    return onStage.length + invited.length >= MAX_ON_STAGE;
  });
  if (!memberId) return null;
  return (
    <button
      type="button"
      disabled={taken}
      onClick={() => sendStage('stageInvite', { memberId })}
      aria-label={t('stage.host.inviteLabel', { name })}
      data-testid={`stage-invite-${memberId}`}
    >
      {t('stage.host.invite')}
    </button>
  );
}
