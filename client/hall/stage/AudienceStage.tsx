import { useEffect, useRef } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { useIsMuted } from '../hallHooks.ts';
import { StageInvitation } from './StageInvitation.tsx';
import { sendStage } from './stageNet.ts';
import type { MyStagePlace } from './useMyStage.ts';

/** A member's own stage controls: raise or lower a hand, answer an invitation, step down while on stage. */
export function AudienceStage({ place }: { place: MyStagePlace }) {
  const t = useT();
  const mutedInHall = useIsMuted();
  const action = useRef<HTMLButtonElement>(null);
  const before = useRef(place.kind);
  // Answering the invitation or stepping down removes the focused button: focus lands on what the member can do
  // next. Never on arrival, and never when focus is elsewhere.
  useEffect(() => {
    const changed = before.current !== place.kind;
    before.current = place.kind;
    if (!changed || place.kind === 'invited') return;
    const focused = document.activeElement;
    if (!focused || focused === document.body) action.current?.focus({ preventScroll: true });
  }, [place.kind]);
  if (place.kind === 'live') return null;
  if (place.kind === 'invited') return <StageInvitation />;
  if (place.kind === 'onStage')
    return (
      <div className="stage-self">
        <p role="status" data-testid="stage-you-on-stage">
          {t('stage.youOnStage')}
        </p>
        {place.muted && (
          <p className="stage-muted" role="status" data-testid="stage-you-muted">
            {t('stage.youMuted')}
          </p>
        )}
        <button
          ref={action}
          type="button"
          onClick={() => sendStage('stageStepDown', {})}
          data-testid="stage-step-down"
        >
          {t('stage.stepDown')}
        </button>
      </div>
    );
  const up = place.kind === 'handUp';
  return (
    <div className="stage-self">
      <div role="status">
        {up && (
          <p className="stage-hand-note" data-testid="stage-hand-note">
            {t('stage.handRaised')}
          </p>
        )}
      </div>
      <button
        ref={action}
        type="button"
        disabled={!up && mutedInHall}
        onClick={() => sendStage('stageRaiseHand', { raised: !up })}
        data-testid={up ? 'stage-lower-hand' : 'stage-raise-hand'}
      >
        <span aria-hidden="true">✋ </span>
        {t(up ? 'stage.lowerHand' : 'stage.raiseHand')}
      </button>
    </div>
  );
}
