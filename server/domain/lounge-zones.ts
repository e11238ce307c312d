import type { LayoutZone } from '../../shared/content/lounge-layout.ts';

/** Ids of the zones a point on the floor stands in. */
export function zonesAt(x: number, z: number, zones: readonly LayoutZone[]): Set<string> {
  const inside = new Set<string>();
  for (const zone of zones) if (Math.hypot(x - zone.x, z - zone.z) <= zone.radius) inside.add(zone.id);
  return inside;
}

/** Distance from (x, z) to the nearest of `others`, or null when there is no one else. */
export function nearestDistance(
  x: number,
  z: number,
  others: Iterable<{ x: number; z: number }>,
): number | null {
  let nearest: number | null = null;
  for (const other of others) {
    const distance = Math.hypot(other.x - x, other.z - z);
    if (nearest === null || distance < nearest) nearest = distance;
  }
  return nearest;
}
