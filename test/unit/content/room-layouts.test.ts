import { describe, expect, it } from 'vitest';
import { layoutSpawnPose } from '../../../server/domain/room-spawn.ts';
import {
  AVATAR_RADIUS,
  type LoungeLayout as Layout,
  LOUNGE_BOUNDS,
  LoungeLayout,
} from '../../../shared/content/lounge-layout.ts';
import {
  boundsOf,
  collidersOf,
  layoutForRoom,
  quietRoomAt,
  ROOM_LAYOUTS,
} from '../../../shared/content/room-layouts.ts';
import { overlapsAny, stepAvatar } from '../../../shared/movement.ts';

const STEP = 0.25;

/** Grid cells an avatar can walk to from the spawn, by flood fill over free cells inside the room. */
function reachable(layout: Layout): Set<string> {
  const bounds = boundsOf(layout);
  const colliders = collidersOf(layout);
  const free = (i: number, j: number) => {
    const x = bounds.minX + i * STEP;
    const z = bounds.minZ + j * STEP;
    return (
      x >= bounds.minX + AVATAR_RADIUS &&
      x <= bounds.maxX - AVATAR_RADIUS &&
      z >= bounds.minZ + AVATAR_RADIUS &&
      z <= bounds.maxZ - AVATAR_RADIUS &&
      !overlapsAny(x, z, colliders)
    );
  };
  const start: [number, number] = [
    Math.round((layout.spawn.x - bounds.minX) / STEP),
    Math.round((layout.spawn.z - bounds.minZ) / STEP),
  ];
  const seen = new Set<string>([start.join(',')]);
  const queue = [start];
  while (queue.length > 0) {
    const [i, j] = queue.pop() as [number, number];
    for (const [di, dj] of [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
    ] as const) {
      const key = `${i + di},${j + dj}`;
      if (seen.has(key) || !free(i + di, j + dj)) continue;
      seen.add(key);
      queue.push([i + di, j + dj]);
    }
  }
  return seen;
}

function reaches(layout: Layout, cells: Set<string>, x: number, z: number, radius: number): boolean {
  const bounds = boundsOf(layout);
  for (const key of cells) {
    const [i, j] = key.split(',').map(Number) as [number, number];
    if (Math.hypot(bounds.minX + i * STEP - x, bounds.minZ + j * STEP - z) <= radius) return true;
  }
  return false;
}

describe.each(Object.entries(ROOM_LAYOUTS))('the %s layout', (room, layout) => {
  it('parses, with unique box, zone and sign ids', () => {
    expect(LoungeLayout.parse(layout)).toEqual(layout);
    for (const list of [layout.boxes, layout.zones, layout.signs ?? []]) {
      const ids = list.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(layoutForRoom(room)).toBe(layout);
  });

  it('keeps its floor, zones and signs inside the lounge and its own walls', () => {
    const bounds = boundsOf(layout);
    expect(bounds.minX).toBeGreaterThanOrEqual(LOUNGE_BOUNDS.minX);
    expect(bounds.maxZ).toBeLessThanOrEqual(LOUNGE_BOUNDS.maxZ);
    for (const zone of layout.zones) {
      expect(zone.x, zone.id).toBeGreaterThan(bounds.minX);
      expect(zone.x, zone.id).toBeLessThan(bounds.maxX);
      expect(zone.z, zone.id).toBeGreaterThan(bounds.minZ);
      expect(zone.z, zone.id).toBeLessThan(bounds.maxZ);
    }
    for (const sign of layout.signs ?? []) {
      expect(Math.abs(sign.x - (bounds.minX + bounds.maxX) / 2)).toBeLessThanOrEqual(
        (bounds.maxX - bounds.minX) / 2,
      );
      expect(Math.abs(sign.z - (bounds.minZ + bounds.maxZ) / 2)).toBeLessThanOrEqual(
        (bounds.maxZ - bounds.minZ) / 2,
      );
    }
  });

  it('has no solid box over its spawn, and every spawn spot is free and inside', () => {
    const { spawn } = layout;
    const colliders = collidersOf(layout);
    expect(overlapsAny(spawn.x, spawn.z, colliders)).toBe(false);
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const bounds = boundsOf(layout);
    for (let n = 0; n < 200; n++) {
      const pose = layoutSpawnPose(layout, random);
      expect(overlapsAny(pose.x, pose.z, colliders)).toBe(false);
      expect(pose.x).toBeGreaterThan(bounds.minX);
      expect(pose.x).toBeLessThan(bounds.maxX);
      expect(pose.z).toBeGreaterThan(bounds.minZ);
      expect(pose.z).toBeLessThan(bounds.maxZ);
    }
  });

  it('lets a member walk from the spawn into every zone', () => {
    const cells = reachable(layout);
    for (const zone of layout.zones)
      expect(reaches(layout, cells, zone.x, zone.z, zone.radius), zone.id).toBe(true);
  });

  it('stops a member walking out at its walls', () => {
    const bounds = boundsOf(layout);
    let pose = { x: layout.spawn.x, z: layout.spawn.z, heading: 0 };
    for (let n = 0; n < 400; n++)
      pose = stepAvatar(pose, { kind: 'intent', x: 1, z: 0.2 }, 0.05, 4, collidersOf(layout)).pose;
    expect(pose.x).toBeLessThanOrEqual(bounds.maxX);
  });
});

describe('room layouts', () => {
  it('the VIP and the suite are their own smaller plans; halls and unknown rooms use the lounge', () => {
    expect(layoutForRoom('vip')).not.toBe(layoutForRoom('lounge'));
    expect(layoutForRoom('suite')).not.toBe(layoutForRoom('vip'));
    expect(layoutForRoom('event')).toBe(ROOM_LAYOUTS.lounge);
    const area = (layout: Layout) => {
      const b = boundsOf(layout);
      return (b.maxX - b.minX) * (b.maxZ - b.minZ);
    };
    expect(area(ROOM_LAYOUTS.vip)).toBeLessThan(area(ROOM_LAYOUTS.lounge) / 2);
  });

  it('the VIP has a serving bar, booths and a fireplace; the suite a quiet room and a brand wall', () => {
    const kinds = (layout: Layout) => new Set(layout.boxes.map((box) => box.kind));
    expect([...kinds(ROOM_LAYOUTS.vip)]).toEqual(
      expect.arrayContaining(['bar', 'booth', 'fireplace', 'exitDoor']),
    );
    expect([...kinds(ROOM_LAYOUTS.suite)]).toEqual(expect.arrayContaining(['brandWall', 'wall', 'exitDoor']));
    expect(ROOM_LAYOUTS.vip.zones.map((zone) => zone.id)).toContain('vip-bar');
    expect(ROOM_LAYOUTS.lounge.zones.map((zone) => zone.id)).not.toContain('vip-bar');
  });

  it('finds the quiet room by position', () => {
    const suite = ROOM_LAYOUTS.suite;
    const quiet = suite.zones.find((zone) => zone.id === 'quiet-room');
    expect(quiet).toBeDefined();
    expect(quietRoomAt(suite, quiet?.x ?? 0, quiet?.z ?? 0)).toBe(0);
    expect(quietRoomAt(suite, suite.spawn.x, suite.spawn.z)).toBe(-1);
    expect(quietRoomAt(ROOM_LAYOUTS.lounge, 0, 0)).toBe(-1);
  });

  it('refuses a layout reaching outside the lounge', () => {
    const bad = { ...ROOM_LAYOUTS.vip, bounds: { minX: -30, maxX: 0, minZ: -5, maxZ: 5 } };
    expect(LoungeLayout.safeParse(bad).success).toBe(false);
  });
});
