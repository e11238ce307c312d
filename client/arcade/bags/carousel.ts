/** The belt as the room state describes it: loop length (m), speed (m/s) and each station's reach (m). */
export interface Belt {
  length: number;
  speed: number;
  reach: number;
}

/** Metres from the chute of a bag spawned at `spawnAt`, at server time `t`; null when it is not on the belt. */
export function bagOffset(spawnAt: number, t: number, belt: Belt): number | null {
  if (belt.length <= 0 || belt.speed <= 0 || t < spawnAt) return null;
  const travelled = ((t - spawnAt) / 1000) * belt.speed;
  // One lap, then the bag rides back into the chute.
  if (travelled >= belt.length) return null;
  return travelled;
}

/** Shortest distance between two places on a loop of `length` (the server measures reach the same way). */
export function loopDistance(a: number, b: number, length: number): number {
  const d = Math.abs(a - b) % length;
  return Math.min(d, length - d);
}

export type GrabCheck = 'inReach' | 'outOfReach' | 'gone';

/**
 * Whether a grab at server time `t` can be sent. Only `inReach` is: the server drops a player whose grab is far
 * out of reach or stamped before the bag existed, so the client never sends one it cannot stand behind.
 */
export function checkGrab(spawnAt: number, t: number, station: number, belt: Belt): GrabCheck {
  const at = bagOffset(spawnAt, t, belt);
  if (at === null) return t < spawnAt ? 'outOfReach' : 'gone';
  return loopDistance(at, station, belt.length) <= belt.reach ? 'inReach' : 'outOfReach';
}

/** Share of the loop on each straight of the stadium-shaped belt; the two bends take the rest. */
const STRAIGHT_SHARE = 0.3;

/**
 * Where `offset` metres along a loop of `length` lies on a stadium drawn around the origin (x right, z towards
 * the viewer), written into `out`. The chute (0) is at the left end of the near straight; bags run to the right.
 */
export function loopPoint(
  offset: number,
  length: number,
  out: { x: number; z: number },
): { x: number; z: number } {
  const straight = length * STRAIGHT_SHARE;
  const radius = (length * (1 - 2 * STRAIGHT_SHARE)) / (2 * Math.PI);
  const half = straight / 2;
  let s = ((offset % length) + length) % length;
  if (s < straight) {
    out.x = -half + s;
    out.z = radius;
    return out;
  }
  s -= straight;
  const bend = Math.PI * radius;
  if (s < bend) {
    const a = s / radius;
    out.x = half + radius * Math.sin(a);
    out.z = radius * Math.cos(a);
    return out;
  }
  s -= bend;
  if (s < straight) {
    out.x = half - s;
    out.z = -radius;
    return out;
  }
  s -= straight;
  const a = s / radius;
  out.x = -half - radius * Math.sin(a);
  out.z = -radius * Math.cos(a);
  return out;
}

/** Half width and half depth of the drawn stadium, for framing the camera. */
export function loopExtent(length: number): { halfX: number; halfZ: number } {
  const radius = (length * (1 - 2 * STRAIGHT_SHARE)) / (2 * Math.PI);
  return { halfX: (length * STRAIGHT_SHARE) / 2 + radius, halfZ: radius };
}
