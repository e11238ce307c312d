import type { z } from 'zod';
import {
  AudienceMessages,
  type AudienceMessageType,
  HostMessages,
  type HostMessageType,
} from '../../../shared/protocol/live-events.ts';
import { currentRoom } from '../../core/net/roomRef.ts';

/** Reactions are cheap to press repeatedly; keep them under the server's budget so none is refused. */
const REACT_INTERVAL_MS = 250;
let lastReactAt = Number.NEGATIVE_INFINITY;

type AudienceInput<T extends AudienceMessageType> = z.input<(typeof AudienceMessages)[T]>;
type HostInput<T extends HostMessageType> = z.input<(typeof HostMessages)[T]>;

function sendChecked(type: string, schema: z.ZodType, payload: unknown): boolean {
  const room = currentRoom();
  const parsed = schema.safeParse(payload);
  if (!room || !parsed.success) return false;
  room.send(type, parsed.data);
  return true;
}

/** Sends an audience message of the hall; returns false when there is no hall or the payload is invalid. */
export function sendAudience<T extends AudienceMessageType>(type: T, payload: AudienceInput<T>): boolean {
  if (type === 'react') {
    const now = performance.now();
    if (now - lastReactAt < REACT_INTERVAL_MS) return false;
    lastReactAt = now;
  }
  return sendChecked(type, AudienceMessages[type], payload);
}

/** Sends a host message; the server refuses it with `notHost` unless we hold the host role. */
export function sendHost<T extends HostMessageType>(type: T, payload: HostInput<T>): boolean {
  return sendChecked(type, HostMessages[type], payload);
}
