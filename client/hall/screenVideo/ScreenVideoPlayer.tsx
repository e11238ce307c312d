import { useCallback, useEffect, useRef, useState } from 'react';
import { useScreenVideoStore } from './screenVideoStore.ts';
import { installScreenVideoTestHooks } from './screenVideoTestHooks.ts';
import { useScreenVideoFeed } from './useScreenVideoFeed.ts';
import { type ScreenVideoStatus, useScreenVideoSync } from './useScreenVideoSync.ts';
import { useScreenVideoT } from './useScreenVideoT.ts';
import './screen-video.css';

/**
 * The host's video for every member, in step with the room clock: the big screen draws the element (useScreenSource);
 * here a small preview and the listen button. Muted until the member taps to listen (no sound without a gesture), and
 * that choice holds while the host changes the video.
 */
export function ScreenVideoPlayer() {
  useScreenVideoFeed();
  const t = useScreenVideoT();
  const video = useScreenVideoStore((state) => state.video);
  const offsetMs = useScreenVideoStore((state) => state.offsetMs);
  const listening = useScreenVideoStore((state) => state.listening);
  const ref = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState<ScreenVideoStatus>('playing');
  const onStatus = useCallback((next: ScreenVideoStatus) => setStatus(next), []);
  useScreenVideoSync(ref, video?.url, video?.startedAt, onStatus);
  useEffect(() => installScreenVideoTestHooks(), []);
  // The property, not the attribute: React does not keep `muted` in step on an element that already plays.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new video (url) mounts a new element to set
  useEffect(() => {
    if (ref.current) ref.current.muted = !listening;
  }, [listening, video?.url]);

  const toggle = () => {
    const element = ref.current;
    const next = !useScreenVideoStore.getState().listening;
    useScreenVideoStore.getState().setListening(next);
    if (!element) return;
    // Inside the click: the browser lets sound start because the member asked for it.
    element.muted = !next;
    if (next && element.paused && !element.ended) void element.play().catch(() => undefined);
  };

  if (!video) return null;
  return (
    <section
      className="screen-video"
      aria-label={t('screenVideo.playing')}
      hidden={status === 'ended'}
      data-status={status}
      data-testid="screen-video-player"
    >
      <video
        ref={ref}
        muted
        playsInline
        data-testid="screen-video"
        data-started-at={video.startedAt}
        data-offset-ms={offsetMs}
      />
      <button
        type="button"
        className="screen-video-listen"
        onClick={toggle}
        data-testid="screen-video-listen"
      >
        <span aria-hidden="true">{listening ? '🔊' : '🔇'}</span>{' '}
        {listening ? t('screenVideo.mute') : t('screenVideo.tapToListen')}
      </button>
      <p role="status" className="screen-video-failed" data-testid="screen-video-failed">
        {status === 'failing' ? t('screenVideo.failed') : ''}
      </p>
    </section>
  );
}
