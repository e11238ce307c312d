import { AVATAR_RADIUS, type LayoutBox, LOUNGE_BOUNDS } from './content/lounge-layout.ts';

/** Where an avatar stands and faces; heading in radians, 0 facing +z. */
export interface Pose {
  x: number;
  z: number;
  heading: number;
}

/** What moves an avatar this step: a direction (keyboard, joystick) or a point to walk to. */
export type Steering =
  | { kind: 'intent'; x: number; z: number }
  | { kind: 'target'; x: number; z: number }
  | null;

export interface StepResult {
  pose: Pose;
  /** False once a target is reached or blocked, so the caller can drop the steering. */
  moving: boolean;
}

const ARRIVE_DISTANCE = 0.05;

/** Advances one fixed step: speed-capped, kept inside the lounge and outside every collider. Pure. */
export function stepAvatar(
  pose: Pose,
  steering: Steering,
  dt: number,
  speed: number,
  colliders: readonly LayoutBox[],
): StepResult {
  const next = { x: pose.x, z: pose.z, heading: pose.heading };
  const moving = stepAvatarInto(next, pose, steering, dt, speed, colliders);
  return { pose: next, moving };
}

/** Where `stepAvatarInto` resolves a step, reused: the server's tick moves every avatar without allocating. */
const resolvedScratch = { x: 0, z: 0 };

/** `stepAvatar` writing the next pose into `out` (which may be `pose` itself); answers whether it still moves. */
export function stepAvatarInto(
  out: Pose,
  pose: Pose,
  steering: Steering,
  dt: number,
  speed: number,
  colliders: readonly LayoutBox[],
): boolean {
  const x = pose.x;
  const z = pose.z;
  out.x = x;
  out.z = z;
  out.heading = pose.heading;
  if (!steering || !(dt > 0)) return false;
  let dx = steering.kind === 'intent' ? steering.x : steering.x - x;
  let dz = steering.kind === 'intent' ? steering.z : steering.z - z;
  const length = planarLength(dx, dz);
  if (length < (steering.kind === 'target' ? ARRIVE_DISTANCE : 1e-6)) return false;
  const maxStep = speed * dt;
  // Intent magnitude scales speed (a half-pushed joystick walks slowly); never faster than the cap.
  const stepLength = steering.kind === 'intent' ? Math.min(length, 1) * maxStep : Math.min(length, maxStep);
  dx = (dx / length) * stepLength;
  dz = (dz / length) * stepLength;
  const resolved = resolvedScratch;
  resolved.x = x + dx;
  resolved.z = z + dz;
  resolveCollisionsAt(resolved, colliders);
  // A gap too narrow to resolve leaves the avatar where it was rather than inside furniture.
  if (overlapsAny(resolved.x, resolved.z, colliders)) {
    resolved.x = x;
    resolved.z = z;
  }
  const movedDistance = planarLength(resolved.x - x, resolved.z - z);
  const arrived =
    steering.kind === 'target' &&
    planarLength(steering.x - resolved.x, steering.z - resolved.z) < ARRIVE_DISTANCE;
  out.x = resolved.x;
  out.z = resolved.z;
  out.heading = Math.atan2(dx, dz);
  return !arrived && movedDistance > 1e-4;
}

/**
 * Math.hypot(dx, dz) to the last bit (V8's scaled sum of squares for two values) without the builtin's allocation
 * per call.
 */
export function planarLength(dx: number, dz: number): number {
  const x = Math.abs(dx);
  const z = Math.abs(dz);
  if (x === Number.POSITIVE_INFINITY || z === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (Number.isNaN(x) || Number.isNaN(z)) return Number.NaN;
  const max = Math.max(x, z);
  if (max === 0) return 0;
  const a = x / max;
  const b = z / max;
  return Math.sqrt(a * a + b * b) * max;
}

/** Pushes a circle of AVATAR_RADIUS out of every box and back inside the lounge bounds. */
export function resolveCollisions(
  x: number,
  z: number,
  colliders: readonly LayoutBox[],
): { x: number; z: number } {
  const point = { x, z };
  resolveCollisionsAt(point, colliders);
  return point;
}

/** `resolveCollisions` in place: moves `point` out of every box and back inside the lounge. */
export function resolveCollisionsAt(point: { x: number; z: number }, colliders: readonly LayoutBox[]): void {
  let px = point.x;
  let pz = point.z;
  // Two passes settle corners where two boxes meet.
  for (let pass = 0; pass < 2; pass++) {
    for (const box of colliders) {
      const halfW = box.w / 2;
      const halfD = box.d / 2;
      const nearestX = Math.max(box.x - halfW, Math.min(px, box.x + halfW));
      const nearestZ = Math.max(box.z - halfD, Math.min(pz, box.z + halfD));
      const offX = px - nearestX;
      const offZ = pz - nearestZ;
      const distSq = offX * offX + offZ * offZ;
      if (distSq >= AVATAR_RADIUS * AVATAR_RADIUS) continue;
      if (distSq > 1e-12) {
        const dist = Math.sqrt(distSq);
        px = nearestX + (offX / dist) * AVATAR_RADIUS;
        pz = nearestZ + (offZ / dist) * AVATAR_RADIUS;
      } else {
        // Centre inside the box: leave by the nearest face.
        const exits = [
          { d: px - (box.x - halfW), x: box.x - halfW - AVATAR_RADIUS, z: pz },
          { d: box.x + halfW - px, x: box.x + halfW + AVATAR_RADIUS, z: pz },
          { d: pz - (box.z - halfD), x: px, z: box.z - halfD - AVATAR_RADIUS },
          { d: box.z + halfD - pz, x: px, z: box.z + halfD + AVATAR_RADIUS },
        ];
        // Leave by the nearest face that does not lead out of the lounge.
        const inside = exits.filter((e) => insideBounds(e.x, e.z));
        const exit = (inside.length > 0 ? inside : exits).reduce((best, next) =>
          next.d < best.d ? next : best,
        );
        px = exit.x;
        pz = exit.z;
      }
    }
    px = Math.max(LOUNGE_BOUNDS.minX + AVATAR_RADIUS, Math.min(LOUNGE_BOUNDS.maxX - AVATAR_RADIUS, px));
    pz = Math.max(LOUNGE_BOUNDS.minZ + AVATAR_RADIUS, Math.min(LOUNGE_BOUNDS.maxZ - AVATAR_RADIUS, pz));
  }
  point.x = px;
  point.z = pz;
}

/** Whether an avatar standing at (x, z) would overlap any collider (with a small tolerance). */
export function overlapsAny(x: number, z: number, colliders: readonly LayoutBox[]): boolean {
  const limit = (AVATAR_RADIUS - 1e-3) ** 2;
  for (const box of colliders) {
    const offX = x - Math.max(box.x - box.w / 2, Math.min(x, box.x + box.w / 2));
    const offZ = z - Math.max(box.z - box.d / 2, Math.min(z, box.z + box.d / 2));
    if (offX * offX + offZ * offZ < limit) return true;
  }
  return false;
}

function insideBounds(x: number, z: number): boolean {
  return (
    x >= LOUNGE_BOUNDS.minX + AVATAR_RADIUS &&
    x <= LOUNGE_BOUNDS.maxX - AVATAR_RADIUS &&
    z >= LOUNGE_BOUNDS.minZ + AVATAR_RADIUS &&
    z <= LOUNGE_BOUNDS.maxZ - AVATAR_RADIUS
  );
}
