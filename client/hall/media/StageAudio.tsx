import { useEffect, useRef } from 'react';
import { type StageFeed, useStageMediaStore } from './stageMediaStore.ts';

/** One stage voice: an audio element fed by the subscription, silent until the member tapped to listen. */
export function StageAudio({ feed }: { feed: StageFeed }) {
  const ref = useRef<HTMLAudioElement>(null);
  const listening = useStageMediaStore((state) => state.listening);

  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    audio.srcObject = feed.stream;
    return () => {
      audio.srcObject = null;
    };
  }, [feed.stream]);

  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    audio.muted = !listening;
    if (listening) void audio.play().catch(() => undefined);
    else audio.pause();
  }, [listening]);

  // biome-ignore lint/a11y/useMediaCaption: live stage sound; its captions are the host's announcements in the HUD.
  return <audio ref={ref} data-testid="stage-audio" data-feed={feed.feedId} />;
}
