import type { Room } from '@colyseus/sdk';
import type { z } from 'zod';
import {
  STAGE_MEDIA_NOTICES,
  StageMediaAudienceMessages,
  type StageMediaAudienceType,
  StageMediaHostMessages,
  type StageMediaHostType,
  type StageMediaNotice,
  StageMediaView,
} from '../../../shared/protocol/stage-media.ts';
import { currentRoom } from '../../core/net/roomRef.ts';
import { useStageStore } from './stageStore.ts';

const SCHEMAS = { ...StageMediaAudienceMessages, ...StageMediaHostMessages };
type StageMessageType = StageMediaAudienceType | StageMediaHostType;

const isNotice = (code: unknown): code is StageMediaNotice =>
  typeof code === 'string' && (STAGE_MEDIA_NOTICES as readonly string[]).includes(code);

/**
 * Mirrors the hall's stage (`stageMedia`, `stageMediaNotice`) into useStageStore while `live()` says the room is ours,
 * and asks for the current stage now and after every reconnect (a change sent meanwhile was missed).
 */
export function listenStage(room: Room, live: () => boolean): void {
  room.onMessage('stageMedia', (payload: unknown) => {
    const parsed = StageMediaView.safeParse(payload);
    if (live() && parsed.success) useStageStore.getState().receive(parsed.data);
  });
  room.onMessage('stageMediaNotice', (payload: unknown) => {
    const code = (payload as { code?: unknown } | null)?.code;
    if (live() && isNotice(code)) useStageStore.getState().setNotice(code);
  });
  room.onReconnect(() => {
    if (live()) room.send('stageMediaSync', {});
  });
  room.send('stageMediaSync', {});
}

/** Sends a stage message (the server refuses host ones to others); false when outside a hall or the payload is bad. */
export function sendStage<T extends StageMessageType>(
  type: T,
  payload: z.input<(typeof SCHEMAS)[T]>,
): boolean {
  const room = currentRoom();
  const parsed = SCHEMAS[type].safeParse(payload);
  if (!room || !parsed.success) return false;
  room.send(type, parsed.data);
  return true;
}
