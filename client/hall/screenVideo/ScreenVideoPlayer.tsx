import { useEffect, useRef, useState } from 'react';
import { driftCorrection, screenVideoPosition } from '../../../shared/protocol/screen-video.ts';
import { attachHls } from './attachHls.ts';
import { useScreenVideoStore } from './screenVideoStore.ts';
import { useScreenVideoFeed } from './useScreenVideoFeed.ts';
import { useScreenVideoT } from './useScreenVideoT.ts';
import './screen-video.css';

/** How often the player checks its position against the room clock. */
const SYNC_MS = 500;

/**
 * The host's video for every member: muted until the member taps to listen (no sound without a gesture), kept within
 * 0.3 s of `serverNow - startedAt` by playback-rate nudges, or a seek when 2 s off.
 */
export function ScreenVideoPlayer() {
  useScreenVideoFeed();
  const t = useScreenVideoT();
  const video = useScreenVideoStore((state) => state.video);
  const offsetMs = useScreenVideoStore((state) => state.offsetMs);
  const ref = useRef<HTMLVideoElement>(null);
  const [muted, setMuted] = useState(true);
  const url = video?.url;
  const startedAt = video?.startedAt;

  useEffect(() => {
    const element = ref.current;
    if (!element || !url || startedAt === undefined) return;
    const detach = attachHls(element, url);
    useScreenVideoStore.getState().setElement(element);
    const timer = window.setInterval(() => {
      if (element.readyState < 1) return;
      const { offsetMs } = useScreenVideoStore.getState();
      const target = screenVideoPosition({ startedAt }, Date.now() + offsetMs);
      if (element.paused && !element.ended) void element.play().catch(() => undefined);
      const correction = driftCorrection(element.currentTime - target);
      if (correction.seek) element.currentTime = target;
      element.playbackRate = correction.rate;
    }, SYNC_MS);
    return () => {
      window.clearInterval(timer);
      detach();
      useScreenVideoStore.getState().setElement(null);
    };
  }, [url, startedAt]);

  if (!video) return null;
  return (
    <section className="screen-video" aria-label={t('screenVideo.playing')}>
      <video
        ref={ref}
        muted={muted}
        playsInline
        autoPlay
        data-testid="screen-video"
        data-started-at={video.startedAt}
        data-offset-ms={offsetMs}
      />
      <button
        type="button"
        className="screen-video-listen"
        aria-pressed={!muted}
        onClick={() => setMuted((was) => !was)}
        data-testid="screen-video-listen"
      >
        {muted ? t('screenVideo.tapToListen') : t('screenVideo.mute')}
      </button>
    </section>
  );
}
