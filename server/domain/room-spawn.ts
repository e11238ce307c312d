import type { LoungeLayout } from '../../shared/content/lounge-layout.ts';
import { collidersOf } from '../../shared/content/room-layouts.ts';
import { type Pose, resolveCollisions } from '../../shared/movement.ts';

/**
 * A free spot around a room's own spawn, facing its spawn heading (the VIP and the suite; the main lounge keeps
 * `spawnPose`); `random` in [0, 1) twice makes it deterministic in tests.
 */
export function layoutSpawnPose(layout: LoungeLayout, random: () => number): Pose {
  const { x, z, spread, heading = Math.PI } = layout.spawn;
  const angle = random() * Math.PI * 2;
  const radius = Math.sqrt(random()) * spread;
  const spot = resolveCollisions(
    x + Math.cos(angle) * radius,
    z + Math.sin(angle) * radius,
    collidersOf(layout),
  );
  return { x: spot.x, z: spot.z, heading };
}
