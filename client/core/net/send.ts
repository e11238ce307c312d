import { LOUNGE_BOUNDS } from '../../../shared/content/lounge-layout.ts';
import {
  CHAT_MAX_LENGTH,
  ChatSend,
  type Emote,
  EmoteSend,
  Interact,
  MoveIntent,
  MoveTarget,
} from '../../../shared/protocol/lounge-messages.ts';
import { currentRoom } from './roomRef.ts';

/** Movement messages share one budget, kept under the server's ~15 per second. */
const MOVE_INTERVAL_MS = 1000 / 14;
const EMOTE_INTERVAL_MS = 600;
const INTERACT_INTERVAL_MS = 1000;

let lastMoveX = Number.NaN;
let lastMoveZ = Number.NaN;
let lastMoveAt = Number.NEGATIVE_INFINITY;
let pendingMove: { x: number; z: number } | null = null;
let pendingTimer: ReturnType<typeof setTimeout> | null = null;
let lastEmoteAt = Number.NEGATIVE_INFINITY;
let lastInteractAt = Number.NEGATIVE_INFINITY;

const clampUnit = (value: number) => (Number.isFinite(value) ? Math.max(-1, Math.min(1, value)) : 0);
const round2 = (value: number) => Math.round(value * 100) / 100 || 0;

/** Forgets what was sent, so the next intent after a (re)join always goes out. */
export function resetSendState(): void {
  lastMoveX = Number.NaN;
  lastMoveZ = Number.NaN;
  lastMoveAt = Number.NEGATIVE_INFINITY;
  pendingMove = null;
  if (pendingTimer) clearTimeout(pendingTimer);
  pendingTimer = null;
}

function flushMove(): void {
  pendingTimer = null;
  const move = pendingMove;
  pendingMove = null;
  if (!move) return;
  const room = currentRoom();
  if (!room || !MoveIntent.safeParse(move).success) return;
  room.send('move', move);
  lastMoveX = move.x;
  lastMoveZ = move.z;
  lastMoveAt = performance.now();
}

/** Walk direction, x and z in [-1, 1]; sent only when it changes, throttled, `(0, 0)` stops. */
export function sendMove(x: number, z: number): void {
  let mx = round2(clampUnit(x));
  let mz = round2(clampUnit(z));
  const length = Math.hypot(mx, mz);
  if (length > 1) {
    mx = round2(mx / length);
    mz = round2(mz / length);
  }
  if (mx === lastMoveX && mz === lastMoveZ && !pendingMove) return;
  pendingMove = { x: mx, z: mz };
  const wait = lastMoveAt + MOVE_INTERVAL_MS - performance.now();
  if (wait <= 0) flushMove();
  else pendingTimer ??= setTimeout(flushMove, wait);
}

/** Walk to a floor point; clamped into the lounge so the server never sees an out-of-bounds target. */
export function sendMoveTo(x: number, z: number): void {
  const room = currentRoom();
  if (!room) return;
  const target = {
    x: Math.max(LOUNGE_BOUNDS.minX, Math.min(LOUNGE_BOUNDS.maxX, x)),
    z: Math.max(LOUNGE_BOUNDS.minZ, Math.min(LOUNGE_BOUNDS.maxZ, z)),
  };
  if (!MoveTarget.safeParse(target).success) return;
  resetSendState();
  room.send('moveTo', target);
  lastMoveAt = performance.now();
}

/** Sends a chat line; returns false when there is nothing valid to send. */
export function sendChat(text: string): boolean {
  const room = currentRoom();
  const payload = { text: text.slice(0, CHAT_MAX_LENGTH) };
  if (!room || !ChatSend.safeParse(payload).success) return false;
  room.send('chat', payload);
  return true;
}

/** Plays an emote for everyone; repeated presses within a moment are dropped. */
export function sendEmote(emote: Emote): void {
  const room = currentRoom();
  const now = performance.now();
  if (!room || now - lastEmoteAt < EMOTE_INTERVAL_MS || !EmoteSend.safeParse({ emote }).success) return;
  lastEmoteAt = now;
  room.send('emote', { emote });
}

/** Uses an object of the lounge (a layout zone id); the server counts it only while we stand in its zone. */
export function sendInteract(objectId: string): boolean {
  const room = currentRoom();
  const now = performance.now();
  const payload = { objectId };
  if (!room || now - lastInteractAt < INTERACT_INTERVAL_MS || !Interact.safeParse(payload).success)
    return false;
  lastInteractAt = now;
  room.send('interact', payload);
  return true;
}
