import type { z } from 'zod';
import {
  ScreenVideoMessages,
  type ScreenVideoRefusal,
  ScreenVideoRefused,
  ScreenVideoState,
} from '../../../../shared/protocol/screen-video.ts';
import { currentRoom } from '../../../core/net/roomRef.ts';

type Handlers = { state: (state: ScreenVideoState) => void; refused: (code: ScreenVideoRefusal) => void };

/** Listens to the hall's screen video and asks for the current one; returns the unsubscribe (none outside a hall). */
export function listenScreenVideo(handlers: Handlers): () => void {
  const room = currentRoom();
  if (!room) return () => {};
  const offState = room.onMessage('screenVideo', (payload: unknown) => {
    const parsed = ScreenVideoState.safeParse(payload);
    if (parsed.success) handlers.state(parsed.data);
  });
  const offRefused = room.onMessage('screenVideoRefused', (payload: unknown) => {
    const parsed = ScreenVideoRefused.safeParse(payload);
    if (parsed.success) handlers.refused(parsed.data.code);
  });
  room.send('screenVideoSync', {});
  return () => {
    offState();
    offRefused();
  };
}

/** Sends a host's screen-video message; false when there is no hall or the payload is invalid. */
export function sendScreenVideo<T extends 'screenVideoPlay' | 'screenVideoStop'>(
  type: T,
  payload: z.input<(typeof ScreenVideoMessages)[T]>,
): boolean {
  const room = currentRoom();
  const parsed = ScreenVideoMessages[type].safeParse(payload);
  if (!room || !parsed.success) return false;
  room.send(type, parsed.data);
  return true;
}
