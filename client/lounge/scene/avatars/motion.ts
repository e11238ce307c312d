import { type AvatarPose, KEYFRAME_MS, poses, SNAPSHOT_COUNT } from '../../../core/poses.ts';
import { hostStandIn } from '../../../hall/hostStandIn.ts';
import { advanceGait, hipDrop, walkAmount } from './gait.ts';
import { predictSelf } from './selfPrediction.ts';

/** Remote avatars are drawn this far in the past (over one keyframe), so there are nearly always two to blend. */
export const INTERPOLATION_DELAY_MS = KEYFRAME_MS + 50;

const TWO_PI = Math.PI * 2;

/** Shortest signed angle from a to b. */
export function angleDelta(a: number, b: number): number {
  let delta = (b - a) % TWO_PI;
  if (delta > Math.PI) delta -= TWO_PI;
  else if (delta < -Math.PI) delta += TWO_PI;
  return delta;
}

// Per-frame inputs, set once per frame so the forEach callback allocates nothing.
let frameNow = 0;
let frameDt = 0;
let frameSelfId: string | null = null;
let frameReducedMotion = false;
let targetHeading = 0;

/** Samples the snapshot buffer at render time; writes renderX/renderZ and sets targetHeading. */
function interpolate(pose: AvatarPose): void {
  if (pose.filled === 0) {
    pose.renderX = pose.x;
    pose.renderZ = pose.z;
    targetHeading = pose.heading;
    return;
  }
  const renderTime = frameNow - INTERPOLATION_DELAY_MS;
  let older: AvatarPose['snapshots'][number] | undefined;
  let newer: AvatarPose['snapshots'][number] | undefined;
  for (let i = 0; i < pose.filled; i++) {
    const snapshot = pose.snapshots[(pose.latest - i + SNAPSHOT_COUNT) % SNAPSHOT_COUNT];
    if (!snapshot) break;
    if (snapshot.t <= renderTime) {
      older = snapshot;
      break;
    }
    newer = snapshot;
  }
  const from = older ?? newer;
  if (!from) return;
  if (!older || !newer) {
    pose.renderX = from.x;
    pose.renderZ = from.z;
    targetHeading = from.heading;
    return;
  }
  const alpha = Math.min(1, (renderTime - older.t) / Math.max(1, newer.t - older.t));
  pose.renderX = older.x + (newer.x - older.x) * alpha;
  pose.renderZ = older.z + (newer.z - older.z) * alpha;
  targetHeading = older.heading + angleDelta(older.heading, newer.heading) * alpha;
}

function updatePose(pose: AvatarPose): void {
  const lastX = pose.renderX;
  const lastZ = pose.renderZ;
  if (pose.sessionId === frameSelfId) targetHeading = predictSelf(pose, frameDt);
  else interpolate(pose);

  const headingBlend = frameReducedMotion ? 1 : 1 - Math.exp(-14 * frameDt);
  pose.renderHeading += angleDelta(pose.renderHeading, targetHeading) * headingBlend;

  const distance = Math.hypot(pose.renderX - lastX, pose.renderZ - lastZ);
  const speed = frameDt > 0 ? distance / frameDt : 0;
  pose.renderSpeed += (Math.min(speed, 8) - pose.renderSpeed) * (1 - Math.exp(-10 * frameDt));
  // The stride follows the ground covered (feet do not skate); the hips sink as the legs spread.
  const phase = advanceGait(pose, Math.min(distance, 8 * frameDt));
  pose.renderBob = -hipDrop(phase, walkAmount(pose.renderSpeed, frameReducedMotion));
}

/** Moves every avatar's render pose to this frame: prediction for us, interpolation for everyone else. */
export function updateRenderPoses(
  now: number,
  dt: number,
  selfId: string | null,
  reducedMotion: boolean,
): void {
  frameNow = now;
  frameDt = dt;
  frameSelfId = selfId;
  frameReducedMotion = reducedMotion;
  poses.forEach(updatePose);
  if (hostStandIn.visible) updatePose(hostStandIn.pose);
}
