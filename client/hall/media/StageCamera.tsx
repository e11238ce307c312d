import { useEffect, useRef } from 'react';
import { useScreenSource } from './screenSource.ts';
import { useStageMediaStore } from './stageMediaStore.ts';

/**
 * The stage camera for the big screen: a hidden, muted video element playing the received feed that carries video
 * (the host's own capture on the host's page), registered as the screen's camera source while it has one.
 */
export function StageCamera() {
  const ref = useRef<HTMLVideoElement>(null);
  const remote = useStageMediaStore(
    (state) => state.feeds.find((feed) => feed.stream.getVideoTracks().length > 0)?.stream,
  );
  const local = useStageMediaStore((state) =>
    state.local && state.local.getVideoTracks().length > 0 ? state.local : null,
  );
  const stream = remote ?? local;

  useEffect(() => {
    const video = ref.current;
    if (!video || !stream) return;
    video.srcObject = stream;
    void video.play().catch(() => undefined);
    useScreenSource.getState().setScreenVideo('camera', video);
    return () => {
      useScreenSource.getState().setScreenVideo('camera', null);
      video.srcObject = null;
    };
  }, [stream]);

  return (
    <video ref={ref} className="stage-media-camera" muted playsInline aria-hidden="true" tabIndex={-1} />
  );
}
