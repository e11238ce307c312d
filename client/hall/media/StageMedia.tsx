import { useEffect } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { useStageStore } from '../stage/stageStore.ts';
import { StageAudio } from './StageAudio.tsx';
import { StageCamera } from './StageCamera.tsx';
import { useStageMediaStore } from './stageMediaStore.ts';
import { someoneElseOnStage, stageRoleOf } from './stageRole.ts';
import { installStageTestHooks } from './stageTestHooks.ts';
import { useStageLink } from './useStageLink.ts';
import './stage-media.css';

installStageTestHooks();

/**
 * The stage's sound and camera for this member: publishes the microphone (and camera) while live or on stage,
 * receives the stage otherwise; sound plays only after "Tap to listen"; the host's camera goes to the big screen.
 */
export function StageMedia() {
  const t = useT();
  const memberId = useLayoverStore((state) => state.member?.id);
  const view = useStageStore((state) => state.view);
  const role = stageRoleOf(view, memberId);
  useStageLink(role);
  const status = useStageMediaStore((state) => state.status);
  const problem = useStageMediaStore((state) => state.problem);
  const listening = useStageMediaStore((state) => state.listening);
  const feeds = useStageMediaStore((state) => state.feeds);
  const audible = someoneElseOnStage(view, memberId);

  // Leaving the hall forgets the listen choice: the next hall asks again.
  useEffect(() => () => useStageMediaStore.getState().set({ listening: false, problem: undefined }), []);

  const line =
    status === 'reconnecting'
      ? t('media.reconnecting')
      : status === 'unavailable' && !problem
        ? t('media.unavailable')
        : status === 'connecting' && role !== 'listen'
          ? t('media.connecting')
          : null;
  const publishing = role !== 'listen' && status === 'live' && (!problem || problem === 'noCamera');

  return (
    <section className="stage-media" aria-label={t('media.stage.region')} data-testid="stage-media">
      {line && (
        <p className="stage-media-line" role="status" data-testid="stage-media-status" data-status={status}>
          {line}
        </p>
      )}
      {problem && (
        <p className="stage-media-line stage-media-problem" role="alert" data-testid="stage-media-problem">
          {t(`media.${problem}`)}
        </p>
      )}
      {publishing && !problem && (
        <p className="stage-media-line" data-testid="stage-media-live">
          {t('media.live')}
        </p>
      )}
      {audible && status !== 'unavailable' && (
        <button
          type="button"
          className="stage-media-listen"
          aria-pressed={listening}
          data-testid="stage-listen"
          onClick={() => useStageMediaStore.getState().set({ listening: !listening })}
        >
          {listening ? t('media.stopListening') : t('media.tapToListen')}
        </button>
      )}
      {feeds.map((feed) => (
        <StageAudio key={feed.feedId} feed={feed} />
      ))}
      <StageCamera />
    </section>
  );
}
