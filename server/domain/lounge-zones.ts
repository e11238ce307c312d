import type { LayoutZone } from '../../shared/content/lounge-layout.ts';

/** Ids of the zones a point on the floor stands in. */
export function zonesAt(x: number, z: number, zones: readonly LayoutZone[]): Set<string> {
  const inside = new Set<string>();
  for (const zone of zones) if (Math.hypot(x - zone.x, z - zone.z) <= zone.radius) inside.add(zone.id);
  return inside;
}

/** Fixed zones packed into flat arrays, so a per-tick membership check allocates nothing. */
export interface ZoneIndex {
  readonly ids: readonly string[];
  readonly x: Float64Array;
  readonly z: Float64Array;
  readonly radiusSq: Float64Array;
}

/** Built once per zone list (content is fixed at boot); at most 31 zones fit a mask. */
export function buildZoneIndex(zones: readonly LayoutZone[]): ZoneIndex {
  if (zones.length > 31) throw new Error(`at most 31 zones fit a mask, got ${zones.length}`);
  return {
    ids: zones.map((zone) => zone.id),
    x: Float64Array.from(zones, (zone) => zone.x),
    z: Float64Array.from(zones, (zone) => zone.z),
    radiusSq: Float64Array.from(zones, (zone) => zone.radius * zone.radius),
  };
}

/** Bit i set when (x, z) stands in zone i of the index (same edge rule as `zonesAt`: distance <= radius). */
export function zoneMaskAt(x: number, z: number, index: ZoneIndex): number {
  let mask = 0;
  for (let i = 0; i < index.ids.length; i++) {
    const dx = x - (index.x[i] as number);
    const dz = z - (index.z[i] as number);
    if (dx * dx + dz * dz <= (index.radiusSq[i] as number)) mask |= 1 << i;
  }
  return mask;
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
