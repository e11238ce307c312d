import { type RefObject, useEffect } from 'react';
import { driftCorrection, screenVideoPosition } from '../../../shared/protocol/screen-video.ts';
import { useScreenSource } from '../media/screenSource.ts';
import { attachHls } from './attachHls.ts';
import { useScreenVideoStore } from './screenVideoStore.ts';

/** How often the player checks its position against the room clock. */
const SYNC_MS = 500;
/** After a seek, the rate nudge gets this long before another seek (a slow machine must not seek in a loop). */
const SEEK_PAUSE_MS = 3000;

/** Where the member's player is: loading or playing, failing to load (and retrying), or past the clip's end. */
export type ScreenVideoStatus = 'playing' | 'failing' | 'ended';

/**
 * Plays the room's video in `ref`'s element and keeps it at `serverNow - startedAt` (a VOD clip) or at hls.js' live
 * sync position (a live stream, whose timeline the room clock does not know): rate nudges past 0.3 s, a seek past 1 s.
 * The element is the big screen's HLS source while it plays; `onStatus` hears of failures and the clip's end.
 */
export function useScreenVideoSync(
  ref: RefObject<HTMLVideoElement | null>,
  url: string | undefined,
  startedAt: number | undefined,
  onStatus: (status: ScreenVideoStatus) => void,
): void {
  useEffect(() => {
    const element = ref.current;
    if (!element || !url || startedAt === undefined) return;
    const roomPosition = () =>
      screenVideoPosition({ startedAt }, Date.now() + useScreenVideoStore.getState().offsetMs);
    let lastSeek = 0;
    let over = false;
    const stream = attachHls(element, url, roomPosition, (failing) => {
      if (!over) onStatus(failing ? 'failing' : 'playing');
    });
    const source = useScreenSource.getState();
    source.setScreenVideo('hls', element);
    onStatus('playing');
    const tick = () => {
      if (over || element.readyState < 1) return;
      const live = stream.live();
      const goal = live ? stream.liveSyncPosition() : roomPosition();
      if (!live && goal !== null && goal >= element.duration) return finish();
      if (element.paused && !element.ended) play(element);
      if (goal === null) return;
      const correction = driftCorrection(element.currentTime - goal);
      if (correction.seek && Date.now() - lastSeek > SEEK_PAUSE_MS) {
        lastSeek = Date.now();
        element.currentTime = goal;
      }
      element.playbackRate = correction.rate;
    };
    const finish = () => {
      over = true;
      if (!element.paused) element.pause();
      if (useScreenSource.getState().hls === element) source.setScreenVideo('hls', null);
      onStatus('ended');
    };
    const timer = window.setInterval(tick, SYNC_MS);
    element.addEventListener('ended', finish);
    return () => {
      window.clearInterval(timer);
      element.removeEventListener('ended', finish);
      stream.detach();
      if (useScreenSource.getState().hls === element) source.setScreenVideo('hls', null);
    };
  }, [ref, url, startedAt, onStatus]);
}

/** Plays with sound when the member chose to listen; a browser that refuses sound without a gesture gets it muted. */
function play(element: HTMLVideoElement): void {
  element.play().catch((error: unknown) => {
    if (!(error instanceof DOMException) || error.name !== 'NotAllowedError' || element.muted) return;
    element.muted = true;
    useScreenVideoStore.getState().setListening(false);
    void element.play().catch(() => undefined);
  });
}
