import { beforeEach, describe, expect, it } from 'vitest';
import { hideHostStandIn, hostStandIn, mirrorHostPose } from '../../client/hall/hostStandIn.ts';
import { Stage } from '../../shared/state/EventState.ts';

function hostOnStage(x: number, z: number): Stage {
  return new Stage().assign({ hostId: 'host-1', hostName: 'Ana', hostPresent: true, hostX: x, hostZ: z });
}

beforeEach(() => hideHostStandIn());

describe('host stand-in', () => {
  it('appears where the host stands when they are in another instance', () => {
    mirrorHostPose(hostOnStage(14, -9), false, 1_000);
    expect(hostStandIn.visible).toBe(true);
    expect([
      hostStandIn.pose.id,
      hostStandIn.pose.name,
      hostStandIn.pose.renderX,
      hostStandIn.pose.renderZ,
    ]).toEqual(['host-1', 'Ana', 14, -9]);
  });

  it('follows the host with timestamped snapshots, so the walk is interpolated like any avatar', () => {
    mirrorHostPose(hostOnStage(14, -9), false, 1_000);
    mirrorHostPose(hostOnStage(15, -9), false, 1_050);
    const { pose } = hostStandIn;
    expect([pose.x, pose.z, pose.filled]).toEqual([15, -9, 1]);
    expect(pose.snapshots[pose.latest]).toMatchObject({ t: 1_050, x: 15, z: -9 });
  });

  it('is hidden when the host stands in this instance, or is not present at all', () => {
    mirrorHostPose(hostOnStage(14, -9), true);
    expect(hostStandIn.visible).toBe(false);
    const away = hostOnStage(14, -9);
    away.hostPresent = false;
    mirrorHostPose(away, false);
    expect(hostStandIn.visible).toBe(false);
  });

  it('starts afresh at the new spot after being hidden, without gliding from the old one', () => {
    mirrorHostPose(hostOnStage(14, -9), false);
    hideHostStandIn();
    mirrorHostPose(hostOnStage(10, -8), false);
    expect([hostStandIn.pose.renderX, hostStandIn.pose.renderZ, hostStandIn.pose.filled]).toEqual([
      10, -8, 0,
    ]);
  });
});
