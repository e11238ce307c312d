import { headingFromWire, positionFromWire } from '../../shared/netcode.ts';

/** A member's pose from room state, back in metres and radians (the wire carries centimetres and 256ths of a turn). */
export function poseOf(member: { x: number; z: number; heading: number }): {
  x: number;
  z: number;
  heading: number;
} {
  return {
    x: positionFromWire(member.x),
    z: positionFromWire(member.z),
    heading: headingFromWire(member.heading),
  };
}

/** Distance in metres from a member in room state to a point. */
export function distanceTo(member: { x: number; z: number; heading: number }, x: number, z: number): number {
  const pose = poseOf(member);
  return Math.hypot(pose.x - x, pose.z - z);
}
