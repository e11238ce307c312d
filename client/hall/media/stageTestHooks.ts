import { testHooksEnabled } from '../../core/testHooksTag.ts';
import { screenShows } from '../scene/screenCanvas.ts';
import { useScreenSource } from './screenSource.ts';
import { useStageMediaStore } from './stageMediaStore.ts';

/** What end-to-end tests read of the stage media: the link state and the PeerConnections (for getStats). */
export interface StageTestHooks {
  status: () => string;
  /** PeerConnections receiving the stage, newest last; new ones replace them after a reconnect. */
  received: () => RTCPeerConnection[];
  published: () => RTCPeerConnection | null;
  /** What the big screen draws: `text`, or `video` with the element's decoded frame count; `source` is the video
   * offered to the screen (camera over HLS), whether or not the screen has taken it yet. */
  screen: () => { kind: 'text' | 'video'; frames: number; source: 'camera' | 'hls' | null };
  /** Whether any stage audio element is playing with sound. */
  audible: () => boolean;
}

declare global {
  interface Window {
    __layoverStage?: StageTestHooks;
  }
}

/** Installs window.__layoverStage on pages served for tests (TEST_HOOKS=on); nothing on a production page. */
export function installStageTestHooks(page: Pick<Document, 'querySelector'> = document): void {
  if (window.__layoverStage || !testHooksEnabled(page)) return;
  window.__layoverStage = {
    status: () => useStageMediaStore.getState().status,
    received: () => useStageMediaStore.getState().feeds.map((feed) => feed.pc),
    published: () => useStageMediaStore.getState().published,
    screen: () => ({
      kind: screenShows.kind,
      frames: screenShows.video?.getVideoPlaybackQuality().totalVideoFrames ?? 0,
      source: useScreenSource.getState().camera ? 'camera' : useScreenSource.getState().hls ? 'hls' : null,
    }),
    audible: () =>
      Array.from(document.querySelectorAll<HTMLAudioElement>('[data-testid=stage-audio]')).some(
        (audio) => !audio.muted && !audio.paused,
      ),
  };
}
