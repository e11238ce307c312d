import { describe, expect, it } from 'vitest';
import {
  AVATAR_RADIUS,
  type LayoutBox,
  LOUNGE_BOUNDS,
  loungeColliders,
  WALK_SPEED,
} from '../../shared/content/lounge-layout.ts';
import { overlapsAny, resolveCollisions, stepAvatar } from '../../shared/movement.ts';

const DT = 1 / 20;
const crate: LayoutBox = { id: 'crate', kind: 'bar', x: 0, z: 0, w: 2, d: 2, h: 1, solid: true };

function walk(
  steps: number,
  from: { x: number; z: number },
  steer: Parameters<typeof stepAvatar>[1],
  boxes = [crate],
) {
  let pose = { ...from, heading: 0 };
  for (let i = 0; i < steps; i++) pose = stepAvatar(pose, steer, DT, WALK_SPEED, boxes).pose;
  return pose;
}

describe('stepAvatar', () => {
  it('walks in the intent direction at walking speed, never faster', () => {
    const result = stepAvatar({ x: 5, z: 5, heading: 0 }, { kind: 'intent', x: 1, z: 0 }, DT, WALK_SPEED, []);
    expect(result.pose.x).toBeCloseTo(5 + WALK_SPEED * DT, 6);
    expect(result.pose.heading).toBeCloseTo(Math.PI / 2, 6);
    const diagonal = stepAvatar(
      { x: 5, z: 5, heading: 0 },
      { kind: 'intent', x: 1, z: 1 },
      DT,
      WALK_SPEED,
      [],
    );
    expect(Math.hypot(diagonal.pose.x - 5, diagonal.pose.z - 5)).toBeCloseTo(WALK_SPEED * DT, 6);
  });

  it('scales speed down for a half-pushed joystick', () => {
    const result = stepAvatar(
      { x: 5, z: 5, heading: 0 },
      { kind: 'intent', x: 0.5, z: 0 },
      DT,
      WALK_SPEED,
      [],
    );
    expect(result.pose.x - 5).toBeCloseTo(WALK_SPEED * DT * 0.5, 6);
  });

  it('ignores a huge dt beyond one step of speed and a non-positive dt', () => {
    const still = stepAvatar({ x: 5, z: 5, heading: 0 }, { kind: 'intent', x: 1, z: 0 }, 0, WALK_SPEED, []);
    expect(still.pose.x).toBe(5);
    const nan = stepAvatar(
      { x: 5, z: 5, heading: 0 },
      { kind: 'intent', x: 1, z: 0 },
      Number.NaN,
      WALK_SPEED,
      [],
    );
    expect(nan.pose.x).toBe(5);
  });

  it('arrives at a target exactly and reports it stopped', () => {
    let pose = { x: 5, z: 5, heading: 0 };
    let moving = true;
    for (let i = 0; i < 40 && moving; i++) {
      ({ pose, moving } = stepAvatar(pose, { kind: 'target', x: 7, z: 5 }, DT, WALK_SPEED, []));
    }
    expect(moving).toBe(false);
    expect(pose.x).toBeCloseTo(7, 6);
  });

  it('never lets an avatar walk through furniture', () => {
    const end = walk(60, { x: -3, z: 0 }, { kind: 'intent', x: 1, z: 0 });
    expect(end.x).toBeLessThanOrEqual(-1 - AVATAR_RADIUS + 1e-9);
  });

  it('slides along a wall instead of sticking', () => {
    const end = walk(6, { x: -1 - AVATAR_RADIUS, z: -0.5 }, { kind: 'intent', x: 1, z: 1 });
    expect(end.z).toBeGreaterThan(0);
    expect(end.x).toBeLessThanOrEqual(-1 - AVATAR_RADIUS + 1e-9);
  });

  it('stays inside the lounge walls', () => {
    const end = walk(400, { x: 0, z: 0 }, { kind: 'intent', x: -1, z: -1 }, []);
    expect(end.x).toBeCloseTo(LOUNGE_BOUNDS.minX + AVATAR_RADIUS, 6);
    expect(end.z).toBeCloseTo(LOUNGE_BOUNDS.minZ + AVATAR_RADIUS, 6);
  });
});

describe('walking around the real lounge', () => {
  it('never ends a step inside furniture, whatever the steering', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let pose = { x: 0, z: 8, heading: 0 };
    for (let i = 0; i < 5000; i++) {
      const steer = { kind: 'intent' as const, x: random() * 2 - 1, z: random() * 2 - 1 };
      pose = stepAvatar(pose, steer, DT, WALK_SPEED, loungeColliders).pose;
      expect(overlapsAny(pose.x, pose.z, loungeColliders)).toBe(false);
    }
  });
});

describe('resolveCollisions', () => {
  it('pushes a centre inside a box out through the nearest face', () => {
    const out = resolveCollisions(0.9, 0.1, [crate]);
    expect(out.x).toBeCloseTo(1 + AVATAR_RADIUS, 6);
    expect(out.z).toBeCloseTo(0.1, 6);
  });

  it('resolves every point of the real lounge to a spot outside every collider', () => {
    for (let x = LOUNGE_BOUNDS.minX; x <= LOUNGE_BOUNDS.maxX; x += 0.37) {
      for (let z = LOUNGE_BOUNDS.minZ; z <= LOUNGE_BOUNDS.maxZ; z += 0.41) {
        const p = resolveCollisions(x, z, loungeColliders);
        expect(overlapsAny(p.x, p.z, loungeColliders)).toBe(false);
        for (const box of loungeColliders) {
          const nx = Math.max(box.x - box.w / 2, Math.min(p.x, box.x + box.w / 2));
          const nz = Math.max(box.z - box.d / 2, Math.min(p.z, box.z + box.d / 2));
          expect(Math.hypot(p.x - nx, p.z - nz)).toBeGreaterThan(AVATAR_RADIUS - 0.02);
        }
      }
    }
  });
});
