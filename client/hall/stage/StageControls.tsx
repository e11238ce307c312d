import { useEffect } from 'react';
import type { MessageKey } from '../../core/i18n/en.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { useIsHost } from '../hallHooks.ts';
import { AudienceStage } from './AudienceStage.tsx';
import { StageLine } from './StageLine.tsx';
import { useStageStore } from './stageStore.ts';
import { useMyStage } from './useMyStage.ts';
import './stage.css';

/** Says the server's stage notices as toasts in the member's language, then clears them. */
function useStageNotices(host: boolean): void {
  const notice = useStageStore((state) => state.notice);
  useEffect(() => {
    if (!notice) return;
    const key: MessageKey =
      notice === 'stageFull' && host ? 'stage.notice.stageFullHost' : `stage.notice.${notice}`;
    useLayoverStore.getState().pushToast({ kind: 'alert', key });
    useStageStore.getState().setNotice(undefined);
  }, [notice, host]);
}

/** The stage in the hall HUD: who is live and on stage for everyone; a hand, an invitation or "step down" for me. */
export function StageControls() {
  const t = useT();
  const host = useIsHost();
  const seated = useLayoverStore((state) => state.hall !== null);
  const { view, me, place } = useMyStage();
  useStageNotices(host);
  if (!seated) return null;
  return (
    <section className="event-card stage-card" aria-label={t('stage.region')} data-testid="stage-controls">
      <StageLine view={view} me={me} />
      {host && view.hands.length > 0 && (
        <p className="stage-hands-count" data-testid="stage-hands-count">
          <span aria-hidden="true">✋ </span>
          {t('stage.handsUp', { count: view.hands.length })}
        </p>
      )}
      {(!host || place.kind === 'invited' || place.kind === 'onStage') && <AudienceStage place={place} />}
    </section>
  );
}
