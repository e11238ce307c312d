import { createHmac } from 'node:crypto';

// Every Layover process sharing one Janus (JANUS_TOKEN_SECRET) derives the same room id, room secret and join key
// for a space, so a stage seen from two processes is one videoroom; a ban bumps the room's epoch (kept in presence)
// and with it the join key.

const derive = (secret: string, label: string) =>
  createHmac('sha256', secret).update(`layover-media\0${label}`).digest();

/** The videoroom id of a space key: 48 bits of HMAC, never 0, a JS-safe integer. */
export function roomIdOf(secret: string, key: string): number {
  return derive(secret, `room\0${key}`).readUIntBE(0, 6) + 1;
}

/** The room's secret (edit, kick, moderate, allowed): the servers' only. */
export function roomSecretOf(secret: string, key: string): string {
  return derive(secret, `secret\0${key}`).toString('hex');
}

/** The room's join key in `epoch` (members of the space are given it; a ban moves to the next epoch). */
export function joinKeyOf(secret: string, key: string, epoch: number): string {
  return derive(secret, `join\0${key}\0${epoch}`).toString('hex');
}
