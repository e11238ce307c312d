import { type Belt, bagOffset, checkGrab, loopDistance } from './carousel.ts';
import type { LiveBag } from './liveBags.ts';

/** Tag of a bag that is right for every player (shared/state/GameBagsState.ts). */
export const PRIORITY_TAG = 'PRIORITY';

/** Whose bag this is from where we stand: ours (our tag or priority), another station's, or a decoy. */
export type BagOwner = 'mine' | 'priority' | 'other' | 'decoy';

export function bagOwner(tag: string, myTag: string | undefined, stationTags: readonly string[]): BagOwner {
  if (tag === PRIORITY_TAG) return 'priority';
  if (myTag !== undefined && tag === myTag) return 'mine';
  return stationTags.includes(tag) ? 'other' : 'decoy';
}

/**
 * The bag the Grab key takes: one of ours (or a priority bag) in reach at `t`, not taken and not tried before,
 * the one nearest our station first. Never someone else's bag: that costs points.
 */
export function pickBag(
  bags: Iterable<LiveBag>,
  tried: ReadonlySet<number>,
  context: { t: number; station: number; myTag: string | undefined; belt: Belt },
): number | null {
  const { t, station, myTag, belt } = context;
  let best: number | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const bag of bags) {
    if (bag.takenBy !== '' || tried.has(bag.id)) continue;
    if (bag.tag !== PRIORITY_TAG && bag.tag !== myTag) continue;
    if (checkGrab(bag.spawnAt, t, station, belt) !== 'inReach') continue;
    const at = bagOffset(bag.spawnAt, t, belt) ?? 0;
    const distance = loopDistance(at, station, belt.length);
    if (distance < bestDistance) {
      best = bag.id;
      bestDistance = distance;
    }
  }
  return best;
}
