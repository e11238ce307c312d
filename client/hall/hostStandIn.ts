import type { Stage } from '../../shared/state/EventState.ts';
import { type AvatarPose, createPose, pushSnapshot } from '../core/poses.ts';

/** Key of the stand-in pose: never a Colyseus sessionId, so it cannot collide with a member in the room. */
export const HOST_STAND_IN_ID = '~host';

/**
 * The host mirrored onto this instance's stage while they stand in another instance. Drawn with the instanced
 * avatars (no extra draw call) and moved by the same interpolation; written by net, read in frame loops.
 */
export const hostStandIn: { pose: AvatarPose; visible: boolean } = {
  pose: createPose(HOST_STAND_IN_ID, '', '', 'host', 0, 0, 0),
  visible: false,
};

/** Follows the stage's host fields; `hostInRoom` is true when the host is one of this instance's members. */
export function mirrorHostPose(stage: Stage, hostInRoom: boolean, now: number = performance.now()): void {
  const show = stage.hostPresent && stage.hostId !== '' && !hostInRoom;
  const { pose } = hostStandIn;
  if (!show) {
    hostStandIn.visible = false;
    return;
  }
  if (!hostStandIn.visible || pose.id !== stage.hostId) {
    // A fresh appearance starts where the host stands, without gliding in from the last place we saw them.
    hostStandIn.pose = createPose(
      HOST_STAND_IN_ID,
      stage.hostId,
      stage.hostName,
      'host',
      stage.hostX,
      stage.hostZ,
      stage.hostHeading,
    );
    hostStandIn.pose.renderHeading = stage.hostHeading;
    hostStandIn.visible = true;
    return;
  }
  pose.name = stage.hostName;
  if (stage.hostX !== pose.x || stage.hostZ !== pose.z || stage.hostHeading !== pose.heading)
    pushSnapshot(pose, now, stage.hostX, stage.hostZ, stage.hostHeading);
}

/** Hides the stand-in (we left the hall). */
export function hideHostStandIn(): void {
  hostStandIn.visible = false;
}
