import { describe, expect, it } from 'vitest';
import { yawBehind } from '../../../client/lounge/scene/cameraYaw.ts';
import { headingToBoard, spawnPose } from '../../../server/domain/lounge-members.ts';
import { type LoungeLayout, loungeLayout } from '../../../shared/content/lounge-layout.ts';

/** A seeded stand-in for Math.random. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

const board = loungeLayout.boxes.find((box) => box.kind === 'board')!;

describe('spawnPose', () => {
  it('faces the departures board from wherever it puts a newcomer', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const pose = spawnPose(seeded(seed));
      const toBoard = { x: board.x - pose.x, z: board.z - pose.z };
      const length = Math.hypot(toBoard.x, toBoard.z);
      // heading 0 faces +z: the facing vector is (sin, cos).
      expect(Math.sin(pose.heading)).toBeCloseTo(toBoard.x / length, 6);
      expect(Math.cos(pose.heading)).toBeCloseTo(toBoard.z / length, 6);
    }
  });

  it('faces straight south from the spawn centre, where the board hangs', () => {
    expect(headingToBoard(board.x, loungeLayout.spawn.z)).toBeCloseTo(0, 9);
  });

  it('faces the windows in a layout without a board', () => {
    const bare: LoungeLayout = {
      ...loungeLayout,
      boxes: loungeLayout.boxes.filter((box) => box.kind !== 'board'),
    };
    expect(headingToBoard(0, 0, bare)).toBe(Math.PI);
  });
});

describe('yawBehind', () => {
  it('puts the follow camera behind the avatar, looking where it faces', () => {
    for (const heading of [0, 0.7, -2, Math.PI]) {
      const yaw = yawBehind(heading);
      // The camera sits at (sin yaw, cos yaw) from the avatar and looks back at it: along -(sin yaw, cos yaw).
      expect(-Math.sin(yaw)).toBeCloseTo(Math.sin(heading), 9);
      expect(-Math.cos(yaw)).toBeCloseTo(Math.cos(heading), 9);
    }
  });
});
