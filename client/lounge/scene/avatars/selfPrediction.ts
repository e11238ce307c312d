import { WALK_SPEED } from '../../../../shared/content/lounge-layout.ts';
import { collidersOf, layoutForRoom } from '../../../../shared/content/room-layouts.ts';
import { type Pose, stepAvatar } from '../../../../shared/movement.ts';
import { localSteering, targetReached } from '../../../core/input/steering.ts';
import type { AvatarPose } from '../../../core/poses.ts';
import { useLayoverStore } from '../../../core/store.ts';

/** The server's fixed step; predicting with the same step keeps us on the same path it computes. */
const STEP = 1 / 20;
/** How far ahead of the (older) server position we may run while walking: about 250 ms of latency. */
const LEAD = WALK_SPEED * 0.25;
const SNAP_DISTANCE = 3;

let sessionId: string | null = null;
let current: Pose = { x: 0, z: 0, heading: 0 };
let previousX = 0;
let previousZ = 0;
let accumulator = 0;

function reset(pose: AvatarPose): void {
  sessionId = pose.sessionId;
  current = { x: pose.x, z: pose.z, heading: pose.heading };
  previousX = pose.x;
  previousZ = pose.z;
  accumulator = 0;
}

/** Pulls the prediction back toward the authoritative position, gently unless it is far off. */
function reconcile(serverX: number, serverZ: number): void {
  const errX = serverX - current.x;
  const errZ = serverZ - current.z;
  const distance = Math.hypot(errX, errZ);
  if (distance > SNAP_DISTANCE) {
    current = { x: serverX, z: serverZ, heading: current.heading };
    previousX = serverX;
    previousZ = serverZ;
    return;
  }
  const walking = localSteering.current !== null;
  const allowed = walking ? LEAD : 0;
  if (distance <= allowed || distance < 1e-4) return;
  const rate = walking ? 6 : 5;
  const pull = ((distance - allowed) / distance) * (1 - Math.exp(-rate * STEP));
  current.x += errX * pull;
  current.z += errZ * pull;
}

/** Advances our own avatar locally at the server's step, writes its render position and returns its heading. */
export function predictSelf(pose: AvatarPose, dt: number): number {
  if (sessionId !== pose.sessionId) reset(pose);
  accumulator += Math.min(dt, 0.25);
  while (accumulator >= STEP) {
    accumulator -= STEP;
    previousX = current.x;
    previousZ = current.z;
    const steering = localSteering.current;
    if (steering) {
      // The room's own plan: the VIP and the suite have their walls and furniture where the server has them.
      const colliders = collidersOf(layoutForRoom(useLayoverStore.getState().room));
      const result = stepAvatar(current, steering, STEP, WALK_SPEED, colliders);
      current = result.pose;
      if (!result.moving && steering.kind === 'target') targetReached();
    }
    reconcile(pose.x, pose.z);
  }
  const alpha = accumulator / STEP;
  pose.renderX = previousX + (current.x - previousX) * alpha;
  pose.renderZ = previousZ + (current.z - previousZ) * alpha;
  return current.heading;
}

/** Forget the prediction (left the room, or re-joined with a new session). */
export function resetPrediction(): void {
  sessionId = null;
}
