import { EMOTES } from '../../../../shared/protocol/lounge-messages.ts';
import type { AvatarPose } from '../../../core/poses.ts';
import { EMOTE_DURATION_MS } from '../../emotes.ts';
import { LEG_LENGTH, LEG_SWING } from './avatarShader.ts';

const TWO_PI = Math.PI * 2;
/** One stride (two steps) covers about this many metres at full swing, so feet do not skate. */
export const STRIDE_M = 1.7;
/** Speed (m/s) at which legs swing fully; slower walkers swing less. */
const FULL_SWING_SPEED = 2;
/** Breaths per second of the idle motion, in radians. */
const BREATH_RATE = 1.9;
/** With reduced motion an emote is held still at this many seconds in (arms placed, nothing swinging). */
export const HELD_EMOTE_S = 1;

/** The shader's number for an emote: 1 wave, 2 clap, 3 cheer; 0 for none. */
export function emoteCode(emote: string): number {
  return EMOTES.indexOf(emote as (typeof EMOTES)[number]) + 1;
}

const strides = new WeakMap<AvatarPose, { phase: number }>();

/** Moves a pose's stride on by the distance it walked this frame; returns the walk phase (radians, 0..2π). */
export function advanceGait(pose: AvatarPose, distance: number): number {
  let stride = strides.get(pose);
  if (!stride) {
    stride = { phase: 0 };
    strides.set(pose, stride);
  }
  stride.phase = (stride.phase + (distance / STRIDE_M) * TWO_PI) % TWO_PI;
  return stride.phase;
}

/** How much the limbs swing (0 standing, 1 walking); 0 with reduced motion. */
export function walkAmount(speed: number, reducedMotion: boolean): number {
  return reducedMotion ? 0 : Math.min(1, speed / FULL_SWING_SPEED);
}

/** How far the hips sink at this point of the stride (the shader's `drop`): feet stay on the floor. */
export function hipDrop(phase: number, amount: number): number {
  return LEG_LENGTH * (1 - Math.cos(Math.cos(phase) * LEG_SWING * amount));
}

/**
 * Writes one avatar's aMotion (walk phase, walk amount, emote code, seconds into the emote) at `offset`, and
 * returns its aIdle breathing phase; reduced motion stills the breathing and holds an emote's pose.
 */
export function writeMotion(
  pose: AvatarPose,
  now: number,
  elapsed: number,
  phaseOffset: number,
  reducedMotion: boolean,
  out: Float32Array,
  offset: number,
): number {
  const age = now - pose.emoteAt;
  const code = age >= 0 && age < EMOTE_DURATION_MS ? emoteCode(pose.emote) : 0;
  out[offset] = strides.get(pose)?.phase ?? 0;
  out[offset + 1] = walkAmount(pose.renderSpeed, reducedMotion);
  out[offset + 2] = code;
  out[offset + 3] = code === 0 ? 0 : reducedMotion ? HELD_EMOTE_S : age / 1000;
  return reducedMotion ? 0 : (elapsed * BREATH_RATE + phaseOffset) % TWO_PI;
}
