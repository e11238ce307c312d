import { LOUNGE_BOUNDS } from '../../../shared/content/lounge-layout.ts';

/** Interior height of the lounge walls and glazing, in metres. */
export const WALL_HEIGHT = 4.6;

/** Walls stand just outside the walkable bounds. */
export const ROOM = {
  minX: LOUNGE_BOUNDS.minX - 0.1,
  maxX: LOUNGE_BOUNDS.maxX + 0.1,
  minZ: LOUNGE_BOUNDS.minZ - 0.1,
  maxZ: LOUNGE_BOUNDS.maxZ + 0.1,
  width: LOUNGE_BOUNDS.maxX - LOUNGE_BOUNDS.minX + 0.2,
  depth: LOUNGE_BOUNDS.maxZ - LOUNGE_BOUNDS.minZ + 0.2,
  centerX: (LOUNGE_BOUNDS.minX + LOUNGE_BOUNDS.maxX) / 2,
  centerZ: (LOUNGE_BOUNDS.minZ + LOUNGE_BOUNDS.maxZ) / 2,
} as const;
