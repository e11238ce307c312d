import type { LayoutBox, LoungeLayout } from '../../../shared/content/lounge-layout.ts';

/** A floor rectangle in metres: the map's SVG viewBox uses metres directly (x east, z south = down). */
export interface MapBounds {
  minX: number;
  minZ: number;
  width: number;
  height: number;
}

/** The room's walls: the layout's own bounds when it has them, else the smallest rectangle holding its boxes and zones. */
export function mapBounds(layout: LoungeLayout): MapBounds {
  if (layout.bounds) {
    const { minX, maxX, minZ, maxZ } = layout.bounds;
    return { minX, minZ, width: maxX - minX, height: maxZ - minZ };
  }
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minZ = Number.POSITIVE_INFINITY;
  let maxZ = Number.NEGATIVE_INFINITY;
  for (const box of layout.boxes) {
    minX = Math.min(minX, box.x - box.w / 2);
    maxX = Math.max(maxX, box.x + box.w / 2);
    minZ = Math.min(minZ, box.z - box.d / 2);
    maxZ = Math.max(maxZ, box.z + box.d / 2);
  }
  for (const zone of layout.zones) {
    minX = Math.min(minX, zone.x);
    maxX = Math.max(maxX, zone.x);
    minZ = Math.min(minZ, zone.z);
    maxZ = Math.max(maxZ, zone.z);
  }
  return { minX, minZ, width: maxX - minX, height: maxZ - minZ };
}

/** The SVG transform of the "you" arrow: at the avatar, turned to its heading (0 faces +z, which the map draws down). */
export function selfMarkerTransform(x: number, z: number, heading: number): string {
  const degrees = (-heading * 180) / Math.PI;
  return `translate(${x.toFixed(2)} ${z.toFixed(2)}) rotate(${degrees.toFixed(1)})`;
}

/** The furniture the map draws: solid boxes, walls and doors (plants and rugs are left out as clutter). */
export function mapFurniture(layout: LoungeLayout): LayoutBox[] {
  return layout.boxes.filter((box) => box.solid && box.kind !== 'plant');
}
