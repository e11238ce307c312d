/** Keys the open game view handles; the overlay forwards them so the lounge behind never sees them. */
export type GameKeyHandler = (event: KeyboardEvent) => boolean;

let handler: GameKeyHandler | null = null;

/** The active view registers its keys (and clears them on unmount). */
export function setGameKeys(next: GameKeyHandler | null): void {
  handler = next;
}

/** Offers a key press to the active view; true when it used it. */
export function handleGameKey(event: KeyboardEvent): boolean {
  return handler?.(event) ?? false;
}
