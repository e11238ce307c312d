/** Heading in radians, 0 facing +z (shared/movement.ts): the direction an avatar faces, on the floor. */
export function facing(heading: number): { x: number; z: number } {
  return { x: Math.sin(heading), z: Math.cos(heading) };
}

/** The PannerNode settings of every speaker: full volume within 1.5 m, fading with distance, silent past earshot. */
export const PANNER_SETTINGS = {
  panningModel: 'HRTF',
  distanceModel: 'inverse',
  refDistance: 1.5,
  maxDistance: 15,
  rolloffFactor: 1.5,
} as const satisfies Partial<PannerOptions>;

/** Mouth height of an avatar, in metres: speakers and the listener sit at this height so only the floor plane pans. */
export const EAR_HEIGHT_M = 1.6;

/**
 * The gain the `inverse` distance model gives at `distance` (the Web Audio formula, clamped like the browser):
 * what a test checks and what the speaking ring may show as loudness.
 */
export function inverseGain(distance: number, settings = PANNER_SETTINGS): number {
  const { refDistance, rolloffFactor, maxDistance } = settings;
  const d = Math.min(Math.max(distance, refDistance), maxDistance);
  return refDistance / (refDistance + rolloffFactor * (d - refDistance));
}

/** Writes an AudioParam now, smoothing over one frame so a moving avatar does not click. */
function setParam(param: AudioParam, value: number, now: number): void {
  param.setTargetAtTime(value, now, 0.03);
}

/** Puts the listener at the own avatar, facing where it faces, head up. */
export function placeListener(
  listener: AudioListener,
  x: number,
  z: number,
  heading: number,
  now: number,
): void {
  const forward = facing(heading);
  if (listener.positionX) {
    setParam(listener.positionX, x, now);
    setParam(listener.positionY, EAR_HEIGHT_M, now);
    setParam(listener.positionZ, z, now);
    setParam(listener.forwardX, forward.x, now);
    setParam(listener.forwardY, 0, now);
    setParam(listener.forwardZ, forward.z, now);
    setParam(listener.upX, 0, now);
    setParam(listener.upY, 1, now);
    setParam(listener.upZ, 0, now);
  } else listener.setPosition(x, EAR_HEIGHT_M, z);
}

/** Puts a speaker's panner at their avatar. */
export function placeSpeaker(panner: PannerNode, x: number, z: number, now: number): void {
  setParam(panner.positionX, x, now);
  setParam(panner.positionY, EAR_HEIGHT_M, now);
  setParam(panner.positionZ, z, now);
}
