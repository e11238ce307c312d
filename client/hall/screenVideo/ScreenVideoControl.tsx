import { type FormEvent, useId, useState } from 'react';
import { checkScreenVideoUrl } from '../../../shared/protocol/screen-video.ts';
import { sendScreenVideo } from './net/screenVideoNet.ts';
import { useScreenVideoStore } from './screenVideoStore.ts';
import { useScreenVideoFeed } from './useScreenVideoFeed.ts';
import { useScreenVideoT } from './useScreenVideoT.ts';

/** The host's control: put an HLS stream on the big screen of every instance, or take it off. */
export function ScreenVideoControl() {
  useScreenVideoFeed();
  const t = useScreenVideoT();
  const id = useId();
  const [url, setUrl] = useState('');
  const playing = useScreenVideoStore((state) => state.video !== null);
  const refusal = useScreenVideoStore((state) => state.refusal);
  const refuse = useScreenVideoStore((state) => state.refuse);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // The scheme is checked here too so a typo is answered at once; the server checks the origin list.
    const local = checkScreenVideoUrl(url, [originOf(url)]);
    if (!local.ok) return refuse(local.code);
    refuse(null);
    sendScreenVideo('screenVideoPlay', { url: url.trim() });
  };
  return (
    <form className="event-form" onSubmit={onSubmit} data-testid="screen-video-control">
      <label htmlFor={id}>{t('screenVideo.label')}</label>
      <div className="event-form-row">
        <input
          id={id}
          value={url}
          maxLength={2000}
          onChange={(event) => setUrl(event.target.value)}
          placeholder={t('screenVideo.placeholder')}
          autoComplete="off"
          inputMode="url"
          data-testid="screen-video-url"
        />
        <button
          type="submit"
          className="primary"
          disabled={url.trim() === ''}
          data-testid="screen-video-play"
        >
          {t('screenVideo.play')}
        </button>
        {playing && (
          <button
            type="button"
            onClick={() => sendScreenVideo('screenVideoStop', {})}
            data-testid="screen-video-stop"
          >
            {t('screenVideo.stop')}
          </button>
        )}
      </div>
      {refusal && (
        <p role="alert" className="event-form-error" data-testid="screen-video-refused">
          {t(`screenVideo.refused.${refusal}`)}
        </p>
      )}
    </form>
  );
}

/** The origin `url` names (so the local check leaves the origin list to the server), or '' when unparseable. */
function originOf(url: string): string {
  try {
    return new URL(url, window.location.href).origin;
  } catch {
    return '';
  }
}
