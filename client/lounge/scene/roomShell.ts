import type { LoungeLayout } from '../../../shared/content/lounge-layout.ts';
import { boundsOf } from '../../../shared/content/room-layouts.ts';

/** Where a room's walls stand: just outside its walkable bounds (the lounge's `ROOM` for the main plan). */
export interface RoomShell {
  minX: number;
  maxX: number;
  minZ: number;
  maxZ: number;
  width: number;
  depth: number;
  centerX: number;
  centerZ: number;
}

export function shellOf(layout: LoungeLayout): RoomShell {
  const bounds = boundsOf(layout);
  return {
    minX: bounds.minX - 0.1,
    maxX: bounds.maxX + 0.1,
    minZ: bounds.minZ - 0.1,
    maxZ: bounds.maxZ + 0.1,
    width: bounds.maxX - bounds.minX + 0.2,
    depth: bounds.maxZ - bounds.minZ + 0.2,
    centerX: (bounds.minX + bounds.maxX) / 2,
    centerZ: (bounds.minZ + bounds.maxZ) / 2,
  };
}

/** Evenly spaced points along a wall of `length`, about `every` metres apart, keeping clear of its ends. */
export function alongWall(from: number, length: number, every: number): number[] {
  const count = Math.max(1, Math.round(length / every));
  const step = length / count;
  return Array.from({ length: count }, (_, i) => from + step * (i + 0.5));
}
