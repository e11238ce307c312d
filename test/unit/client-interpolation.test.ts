import { afterEach, describe, expect, it } from 'vitest';
import { createPose, poses, pushSnapshot } from '../../client/core/poses.ts';
import {
  angleDelta,
  INTERPOLATION_DELAY_MS,
  updateRenderPoses,
} from '../../client/lounge/scene/avatars/motion.ts';

afterEach(() => poses.clear());

function remote(x = 0, z = 0) {
  const pose = createPose('s1', 'member-1', 'Mei', 'guest', x, z, 0);
  poses.set('s1', pose);
  return pose;
}

describe('remote avatar interpolation', () => {
  it('draws the pose from INTERPOLATION_DELAY_MS ago, blended between snapshots', () => {
    const pose = remote();
    pushSnapshot(pose, 1000, 0, 0, 0);
    pushSnapshot(pose, 1050, 1, 0, 0);
    pushSnapshot(pose, 1100, 2, 0, 0);
    updateRenderPoses(1075 + INTERPOLATION_DELAY_MS, 1 / 60, null, true);
    expect(pose.renderX).toBeCloseTo(1.5);
  });

  it('holds the newest snapshot once render time passes it', () => {
    const pose = remote();
    pushSnapshot(pose, 1000, 3, 4, 0);
    updateRenderPoses(5000, 1 / 60, null, true);
    expect([pose.renderX, pose.renderZ]).toEqual([3, 4]);
  });

  it('eases out of a pause instead of jumping to the first new position', () => {
    const pose = remote();
    pushSnapshot(pose, 1000, 0, 0, 0);
    // Stood still for two seconds, then a patch arrives 0.2 m away.
    pushSnapshot(pose, 3000, 0.2, 0, 0);
    updateRenderPoses(3000, 1 / 60, null, true);
    expect(pose.renderX).toBe(0);
    updateRenderPoses(3000 + INTERPOLATION_DELAY_MS, 1 / 60, null, true);
    expect(pose.renderX).toBeCloseTo(0.2);
  });

  it('turns the short way round', () => {
    expect(angleDelta(3, -3)).toBeCloseTo(2 * Math.PI - 6);
    expect(angleDelta(-3, 3)).toBeCloseTo(6 - 2 * Math.PI);
  });
});
