import {
  type LayoutBox,
  type LayoutRect,
  LOUNGE_BOUNDS,
  type LoungeLayout,
  loungeColliders,
  loungeLayout,
} from './lounge-layout.ts';
import { suiteLayout } from './suite-layout.ts';
import { vipLayout } from './vip-layout.ts';

/** Every room with its own floor plan; an event hall uses the main lounge's (its stage is there). */
export const ROOM_LAYOUTS = { lounge: loungeLayout, vip: vipLayout, suite: suiteLayout } as const;
export type LayoutRoom = keyof typeof ROOM_LAYOUTS;

/** The layout of a room by its name: the VIP and the suite have their own, every other room the lounge's. */
export function layoutForRoom(room: string | null | undefined): LoungeLayout {
  return room === 'vip' || room === 'suite' ? ROOM_LAYOUTS[room] : loungeLayout;
}

/** The walkable floor of a layout: its own bounds or the whole lounge. */
export function boundsOf(layout: LoungeLayout): LayoutRect {
  return layout.bounds ?? LOUNGE_BOUNDS;
}

const WALL = 1;

/** Solid slabs just outside a smaller room's edges, so movement (clamped to the lounge) stops at its walls. */
function edgeWalls(bounds: LayoutRect): LayoutBox[] {
  const width = bounds.maxX - bounds.minX + 2 * WALL;
  const depth = bounds.maxZ - bounds.minZ + 2 * WALL;
  const midX = (bounds.minX + bounds.maxX) / 2;
  const midZ = (bounds.minZ + bounds.maxZ) / 2;
  const wall = (id: string, x: number, z: number, w: number, d: number): LayoutBox => ({
    id,
    kind: 'wall',
    x,
    z,
    w,
    d,
    h: 4,
    solid: true,
  });
  return [
    wall('edge-north', midX, bounds.minZ - WALL / 2, width, WALL),
    wall('edge-south', midX, bounds.maxZ + WALL / 2, width, WALL),
    wall('edge-west', bounds.minX - WALL / 2, midZ, WALL, depth),
    wall('edge-east', bounds.maxX + WALL / 2, midZ, WALL, depth),
  ];
}

const colliders = new Map<LoungeLayout, readonly LayoutBox[]>([[loungeLayout, loungeColliders]]);

/** What avatars bump into in a layout: its solid boxes, and the walls of a room smaller than the lounge. */
export function collidersOf(layout: LoungeLayout): readonly LayoutBox[] {
  let found = colliders.get(layout);
  if (!found) {
    const solid = layout.boxes.filter((box) => box.solid);
    found = layout.bounds ? [...solid, ...edgeWalls(layout.bounds)] : solid;
    colliders.set(layout, found);
  }
  return found;
}

/** Every zone id of every room: what an `interact` may name. */
export const ALL_ZONE_IDS: ReadonlySet<string> = new Set(
  Object.values(ROOM_LAYOUTS).flatMap((layout) => layout.zones.map((zone) => zone.id)),
);

/** The quiet room a point stands in (its index in the layout), or -1 outside them all. */
export function quietRoomAt(layout: LoungeLayout, x: number, z: number): number {
  const rooms = layout.quietRooms ?? [];
  return rooms.findIndex((room) => x >= room.minX && x <= room.maxX && z >= room.minZ && z <= room.maxZ);
}
