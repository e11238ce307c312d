import type { Reaction } from '../../shared/protocol/live-events.ts';

/** What each reaction looks like on screen (the ids are the protocol's; the glyphs are ours). */
export const REACTION_GLYPHS: Readonly<Record<Reaction, string>> = {
  clap: '👏',
  heart: '❤️',
  fire: '🔥',
  laugh: '😂',
  wow: '😮',
  plane: '✈️',
};

type BurstListener = (reaction: Reaction) => void;
const listeners = new Set<BurstListener>();

/** Incoming reactions go straight to the bursts layer, which draws them in the DOM without React renders. */
export function onReactionBurst(listener: BurstListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitReactionBurst(reaction: Reaction): void {
  for (const listener of listeners) listener(reaction);
}
