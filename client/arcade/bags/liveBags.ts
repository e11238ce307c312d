/** One bag riding the carousel, as the last patch showed it. */
export interface LiveBag {
  id: number;
  tag: string;
  /** Server epoch ms it left the chute. */
  spawnAt: number;
  /** Session id of whoever took it, '' while it rides. */
  takenBy: string;
  /** performance.now() when this client first saw it taken (for the lift-off), else 0. */
  takenSeenAt: number;
}

/** Bags on the carousel by id: written by client/net on each patch, read by the scene inside useFrame. */
export const liveBags = new Map<number, LiveBag>();

/** Bags this client already sent a grab for, so a second click on the same bag sends nothing. */
export const grabbedBags = new Set<number>();

export function clearLiveBags(): void {
  liveBags.clear();
  grabbedBags.clear();
}
