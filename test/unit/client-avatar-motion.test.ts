import { describe, expect, it } from 'vitest';
import { createPose } from '../../client/core/poses.ts';
import {
  advanceGait,
  emoteCode,
  HELD_EMOTE_S,
  hipDrop,
  STRIDE_M,
  walkAmount,
  writeMotion,
} from '../../client/lounge/scene/avatars/gait.ts';

function motionOf(pose: ReturnType<typeof createPose>, now: number, reduced = false) {
  const out = new Float32Array(8);
  const idle = writeMotion(pose, now, 3, 0.5, reduced, out, 4);
  return { walkPhase: out[4], walkAmount: out[5], emote: out[6], emoteSeconds: out[7], idle };
}

describe('avatar motion attributes', () => {
  it('stands still with no emote: no swing, but breathing', () => {
    const pose = createPose('s1', 'm1', 'Ann', 'guest', 0, 0, 0);
    expect(motionOf(pose, 1000)).toEqual({
      walkPhase: 0,
      walkAmount: 0,
      emote: 0,
      emoteSeconds: 0,
      idle: 3 * 1.9 + 0.5,
    });
  });

  it('swings the legs by walking speed, one stride every STRIDE_M metres', () => {
    const pose = createPose('s2', 'm2', 'Bo', 'guest', 0, 0, 0);
    pose.renderSpeed = 4;
    expect(advanceGait(pose, STRIDE_M / 4)).toBeCloseTo(Math.PI / 2);
    const walking = motionOf(pose, 1000);
    expect(walking.walkPhase).toBeCloseTo(Math.PI / 2);
    expect(walking.walkAmount).toBe(1);
    expect(advanceGait(pose, (STRIDE_M * 3) / 4)).toBeCloseTo(0);
    expect(walkAmount(1, false)).toBe(0.5);
    expect(walkAmount(4, true)).toBe(0);
  });

  it('sinks the hips as the legs spread, not when they pass each other or stand', () => {
    expect(hipDrop(0, 1)).toBeGreaterThan(0.1);
    expect(hipDrop(Math.PI / 2, 1)).toBeCloseTo(0);
    expect(hipDrop(0, 0)).toBe(0);
  });

  it('plays an emote for its duration with the seconds since it started', () => {
    const pose = createPose('s3', 'm3', 'Cy', 'guest', 0, 0, 0);
    pose.emote = 'clap';
    pose.emoteAt = 10_000;
    expect(emoteCode('wave')).toBe(1);
    expect(emoteCode('cheer')).toBe(3);
    expect(emoteCode('dance')).toBe(0);
    expect(motionOf(pose, 10_500)).toMatchObject({ emote: 2, emoteSeconds: 0.5 });
    expect(motionOf(pose, 12_400)).toMatchObject({ emote: 2 });
    expect(motionOf(pose, 12_600)).toMatchObject({ emote: 0, emoteSeconds: 0 });
    expect(motionOf(pose, 9_000)).toMatchObject({ emote: 0 });
  });

  it('with reduced motion holds the emote pose still and neither swings nor breathes', () => {
    const pose = createPose('s4', 'm4', 'Di', 'guest', 0, 0, 0);
    pose.renderSpeed = 4;
    pose.emote = 'wave';
    pose.emoteAt = 0;
    expect(motionOf(pose, 300, true)).toMatchObject({
      walkAmount: 0,
      emote: 1,
      emoteSeconds: HELD_EMOTE_S,
      idle: 0,
    });
  });
});
