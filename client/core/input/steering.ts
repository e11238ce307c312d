import type { Steering } from '../../../shared/movement.ts';
import { sendMove, sendMoveTo } from '../net/send.ts';

/** What the local avatar is doing, for client-side prediction; mirrors what was sent to the server. */
export const localSteering: { current: Steering } = { current: null };

let intentActive = false;

/** A world-space walk direction from keys or the joystick; (0, 0) stops an intent but keeps a floor target. */
export function applyIntent(x: number, z: number): void {
  const moving = Math.abs(x) > 0.01 || Math.abs(z) > 0.01;
  if (moving) {
    const current = localSteering.current;
    if (current?.kind === 'intent') {
      current.x = x;
      current.z = z;
    } else {
      localSteering.current = { kind: 'intent', x, z };
    }
    intentActive = true;
    sendMove(x, z);
    return;
  }
  if (!intentActive) return;
  intentActive = false;
  if (localSteering.current?.kind === 'intent') localSteering.current = null;
  sendMove(0, 0);
}

/** Walks to a floor point (click or tap). */
export function walkTo(x: number, z: number): void {
  intentActive = false;
  localSteering.current = { kind: 'target', x, z };
  sendMoveTo(x, z);
}

/** The prediction reached or got stuck short of its target. */
export function targetReached(): void {
  if (localSteering.current?.kind === 'target') localSteering.current = null;
}

export function resetSteering(): void {
  intentActive = false;
  localSteering.current = null;
}
