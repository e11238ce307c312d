import { useId, useState } from 'react';
import { MAX_ON_STAGE } from '../../../shared/protocol/stage-media.ts';
import { useT } from '../../core/i18n/useT.ts';
import { HostStageLists } from './HostStageLists.tsx';
import { sendStage } from './stageNet.ts';
import { useMyStage } from './useMyStage.ts';

/** The host's stage section: go live (microphone, or with the camera), end it, and answer hands and invitations. */
export function HostStage() {
  const t = useT();
  const titleId = useId();
  const { view, place } = useMyStage();
  const [video, setVideo] = useState(false);
  const live = place.kind === 'live' ? place : null;
  const full = view.onStage.length + view.invited.length >= MAX_ON_STAGE;
  return (
    <section className="host-stage" aria-labelledby={titleId} data-testid="host-stage">
      <h4 id={titleId}>{t('stage.host.title')}</h4>
      {live ? (
        <div className="event-form">
          <p role="status" data-testid="host-stage-live">
            {t(live.video ? 'stage.host.youLiveCamera' : 'stage.host.youLive')}
          </p>
          <div className="event-form-row wrap">
            <button
              type="button"
              onClick={() => sendStage('stageGoLive', { video: !live.video })}
              data-testid="host-stage-camera"
            >
              {t(live.video ? 'stage.host.cameraOff' : 'stage.host.cameraOn')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => sendStage('stageEndLive', {})}
              data-testid="host-stage-end-live"
            >
              {t('stage.host.endLive')}
            </button>
          </div>
        </div>
      ) : (
        <form
          className="event-form"
          onSubmit={(event) => {
            event.preventDefault();
            sendStage('stageGoLive', { video });
          }}
        >
          <fieldset>
            <legend>{t('stage.host.mode')}</legend>
            <label className="stage-choice">
              <input
                type="radio"
                name={`${titleId}-mode`}
                checked={!video}
                onChange={() => setVideo(false)}
                data-testid="host-stage-mic-only"
              />
              {t('stage.host.micOnly')}
            </label>
            <label className="stage-choice">
              <input
                type="radio"
                name={`${titleId}-mode`}
                checked={video}
                onChange={() => setVideo(true)}
                data-testid="host-stage-mic-camera"
              />
              {t('stage.host.micCamera')}
            </label>
          </fieldset>
          <button type="submit" className="primary" data-testid="host-stage-go-live">
            {t('stage.host.goLive')}
          </button>
        </form>
      )}
      <HostStageLists view={view} full={full} />
    </section>
  );
}
