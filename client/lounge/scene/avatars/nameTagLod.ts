import { TAG_WORLD_H } from '../../../core/scene/nameTagAtlas.ts';

/** At this distance a tag has its world size; it scales with distance, so a name keeps its height on screen. */
export const TAG_FULL_SIZE_M = 10;
/** Tags closer than 5 m stop shrinking (and grow on screen); past 24 m they stop growing, so none covers the room. */
export const TAG_MIN_SCALE = 0.5;
export const TAG_MAX_SCALE = 2.4;
/** Tags fade out between these distances and are not drawn beyond the second. */
export const TAG_FADE_FROM_M = 26;
export const TAG_HIDE_M = 30;
/** At most this many tags at once, the nearest; a crowd beyond them shows bodies only. */
export const MAX_TAGS = 40;
/** The name's font size as a share of the tag's height (28 px of a 64 px slot in core/scene/nameTagAtlas.ts). */
const NAME_EM = 28 / 64;

/** How much a tag at `distance` metres from the camera is scaled. */
export function tagScale(distance: number): number {
  return Math.min(TAG_MAX_SCALE, Math.max(TAG_MIN_SCALE, distance / TAG_FULL_SIZE_M));
}

/** Opacity of a tag at `distance`: 1 near, fading to 0 at TAG_HIDE_M. */
export function tagAlpha(distance: number): number {
  if (distance >= TAG_HIDE_M) return 0;
  if (distance <= TAG_FADE_FROM_M) return 1;
  return (TAG_HIDE_M - distance) / (TAG_HIDE_M - TAG_FADE_FROM_M);
}

/** On-screen size of the name's font in pixels, for a canvas `viewportPx` tall seen with a vertical `fovDeg`. */
export function nameFontPx(distance: number, viewportPx: number, fovDeg: number): number {
  const worldEm = TAG_WORLD_H * NAME_EM * tagScale(distance);
  return (worldEm * viewportPx) / (2 * distance * Math.tan((fovDeg * Math.PI) / 360));
}

/**
 * Keeps the `max` nearest of `count` candidates: fills `order` with their indices, nearest first, and returns how
 * many. Insertion into a short sorted list, so a frame loop can call it without allocating.
 */
export function nearestTags(distances: Float32Array, count: number, max: number, order: Uint16Array): number {
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const d = distances[i] ?? Number.POSITIVE_INFINITY;
    if (kept === max && d >= (distances[order[kept - 1] ?? 0] ?? 0)) continue;
    let at = Math.min(kept, max - 1);
    while (at > 0 && (distances[order[at - 1] ?? 0] ?? 0) > d) {
      order[at] = order[at - 1] ?? 0;
      at--;
    }
    order[at] = i;
    if (kept < max) kept++;
  }
  return kept;
}
