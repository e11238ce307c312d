/** How avatar poses travel: quantised on the wire, full precision on the server. */

/** Positions go out in centimetres (int16: +-327 m, far beyond the lounge's 40 x 28 m). */
export const POSITION_SCALE = 100;
/** Headings go out in 256ths of a turn (1.4 degrees). */
export const HEADING_STEPS = 256;
/** A walking avatar's pose goes out every this many server ticks (20 Hz / 3 = 6.7 Hz); clients interpolate between. */
export const POSE_KEYFRAME_TICKS = 3;
/** Each client receives the avatars nearest it, at most this many (and always its own). */
export const VISIBLE_AVATARS = 100;
/** ... and none further than this, in metres. */
export const VIEW_RADIUS_M = 30;
/** How often, in server ticks, each client's set of visible avatars is brought up to date (5 Hz). */
export const VIEW_UPDATE_TICKS = 4;

const TURN = Math.PI * 2;

export function positionToWire(metres: number): number {
  return Math.max(-32768, Math.min(32767, Math.round(metres * POSITION_SCALE)));
}

export function positionFromWire(value: number): number {
  return value / POSITION_SCALE;
}

export function headingToWire(radians: number): number {
  const steps = Math.round((radians / TURN) * HEADING_STEPS) % HEADING_STEPS;
  return steps < 0 ? steps + HEADING_STEPS : steps;
}

/** Back to radians in [-pi, pi). */
export function headingFromWire(value: number): number {
  const signed = value >= HEADING_STEPS / 2 ? value - HEADING_STEPS : value;
  return (signed / HEADING_STEPS) * TURN;
}
