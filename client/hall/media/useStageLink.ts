import { useEffect } from 'react';
import { routes } from '../../../shared/protocol/routes.ts';
import { callRoute } from '../../core/http.ts';
import { currentRoom } from '../../core/net/roomRef.ts';
import { useLayoverStore } from '../../core/store.ts';
import { captureStage } from './stageCapture.ts';
import { openStageLink } from './stageLink.ts';
import { useStageMediaStore } from './stageMediaStore.ts';
import type { StageRole } from './stageRole.ts';

/**
 * Keeps one stage link for the hall instance we sit in, for our role: asks for the microphone (and camera) while
 * live or on stage and publishes them, stops every track when that ends; listens otherwise. Media off on this
 * server: no link, and the line says the event goes on in text.
 */
export function useStageLink(role: StageRole): void {
  const selfId = useLayoverStore((state) => state.selfId);
  const hallEventId = useLayoverStore((state) => state.hallEventId);

  useEffect(() => {
    const roomId = currentRoom()?.roomId;
    const { set } = useStageMediaStore.getState();
    if (!hallEventId || !selfId || !roomId) return;
    let stopped = false;
    let close: (() => void) | undefined;
    let media: MediaStream | undefined;
    set({ status: 'connecting', problem: undefined });
    const start = async () => {
      const status = await callRoute<{ media: string }>(routes.mediaStatus, { cache: 'no-store' }).catch(
        () => ({ media: 'down' }),
      );
      if (stopped) return;
      if (status.media === 'off') {
        set({ status: 'unavailable' });
        return;
      }
      if (role !== 'listen') {
        const capture = await captureStage(role === 'camera');
        if (stopped) {
          for (const track of capture.stream?.getTracks() ?? []) track.stop();
          return;
        }
        media = capture.stream;
        set({ problem: capture.problem, local: media ?? null });
      }
      const sessionToken = () => useLayoverStore.getState().token ?? undefined;
      const listenOnly = () => {
        close?.();
        for (const track of media?.getTracks() ?? []) track.stop();
        media = undefined;
        set({ local: null });
        if (!stopped) close = openStageLink({ roomId, media, sessionToken });
      };
      close = openStageLink({ roomId, media, sessionToken, onRefused: () => queueMicrotask(listenOnly) });
    };
    void start();
    return () => {
      stopped = true;
      close?.();
      for (const track of media?.getTracks() ?? []) track.stop();
      useStageMediaStore.getState().set({ local: null });
    };
  }, [role, selfId, hallEventId]);
}
