import { POSE_KEYFRAME_TICKS } from '../../shared/netcode.ts';
/** How many server snapshots each avatar keeps for interpolation (20 Hz: 8 covers 400 ms). */
export const SNAPSHOT_COUNT = 8;

export interface Snapshot {
  t: number;
  x: number;
  z: number;
  heading: number;
}

/** One avatar's per-frame state: written by net (snapshots) and the scene (render pose), never by React. */
export interface AvatarPose {
  sessionId: string;
  id: string;
  name: string;
  tier: string;
  /** Member.look as sent (shared/avatar-look.ts `decodeLook` reads it); '' is the default look. */
  look: string;
  /** Latest authoritative values from the server. */
  x: number;
  z: number;
  heading: number;
  /** Ring buffer of timestamped snapshots (performance.now() ms); `latest` indexes the newest. */
  snapshots: Snapshot[];
  latest: number;
  filled: number;
  /** Where the scene draws the avatar this frame. */
  renderX: number;
  renderZ: number;
  renderHeading: number;
  /** Walking speed seen this frame (m/s), smoothed. */
  renderSpeed: number;
  /** Vertical bob of the walk cycle this frame (0 with reduced motion). */
  renderBob: number;
  emote: string;
  emoteSeq: number;
  /** performance.now() when the current emote started; -Infinity when none is showing. */
  emoteAt: number;
}

/** Every avatar in the room by sessionId. Mutated in place; read inside useFrame. */
export const poses = new Map<string, AvatarPose>();

export function createPose(
  sessionId: string,
  id: string,
  name: string,
  tier: string,
  x: number,
  z: number,
  heading: number,
): AvatarPose {
  const snapshots: Snapshot[] = [];
  for (let i = 0; i < SNAPSHOT_COUNT; i++) snapshots.push({ t: 0, x, z, heading });
  return {
    sessionId,
    id,
    name,
    tier,
    look: '',
    x,
    z,
    heading,
    snapshots,
    latest: 0,
    filled: 0,
    renderX: x,
    renderZ: z,
    renderHeading: heading,
    renderSpeed: 0,
    renderBob: 0,
    emote: '',
    emoteSeq: 0,
    emoteAt: Number.NEGATIVE_INFINITY,
  };
}

/** A walking avatar's pose arrives as keyframes this far apart (shared/netcode.ts: every third 20 Hz tick). */
export const KEYFRAME_MS = (1000 / 20) * POSE_KEYFRAME_TICKS;
/** Gap after which a member is treated as having stood still (over one keyframe and some jitter). */
const IDLE_GAP_MS = KEYFRAME_MS + 100;

/** Records a server position; after a pause, re-anchors the old pose one patch back so motion eases in. */
export function pushSnapshot(pose: AvatarPose, t: number, x: number, z: number, heading: number): void {
  const newest = pose.snapshots[pose.latest];
  if (newest && pose.filled > 0 && t - newest.t > IDLE_GAP_MS) {
    writeSnapshot(pose, t - KEYFRAME_MS, newest.x, newest.z, newest.heading);
  }
  writeSnapshot(pose, t, x, z, heading);
  pose.x = x;
  pose.z = z;
  pose.heading = heading;
}

function writeSnapshot(pose: AvatarPose, t: number, x: number, z: number, heading: number): void {
  pose.latest = (pose.latest + 1) % SNAPSHOT_COUNT;
  const slot = pose.snapshots[pose.latest];
  if (!slot) return;
  slot.t = t;
  slot.x = x;
  slot.z = z;
  slot.heading = heading;
  pose.filled = Math.min(pose.filled + 1, SNAPSHOT_COUNT);
}
