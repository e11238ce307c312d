import { useEffect, useRef } from 'react';
import { onReactionBurst, REACTION_GLYPHS } from '../reactionBursts.ts';

/** Most bursts on screen at once; in a busy hall the rest are skipped rather than queued. */
export const MAX_BURSTS = 16;
/** How long a burst stays (its CSS animation runs this long; with reduced motion it simply shows, then goes). */
const BURST_MS = 1800;

/** Emoji floating up from the bottom of the screen as the hall reacts; DOM nodes managed here, not by React. */
export function ReactionBursts() {
  const layer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const stop = onReactionBurst((reaction) => {
      const root = layer.current;
      if (!root || root.childElementCount >= MAX_BURSTS) return;
      const burst = document.createElement('span');
      burst.className = 'reaction-burst';
      burst.textContent = REACTION_GLYPHS[reaction];
      burst.style.left = `${10 + Math.random() * 80}%`;
      burst.style.setProperty('--drift', `${Math.round((Math.random() - 0.5) * 80)}px`);
      root.append(burst);
      const timer = setTimeout(() => {
        burst.remove();
        timers.delete(timer);
      }, BURST_MS);
      timers.add(timer);
    });
    return () => {
      stop();
      for (const timer of timers) clearTimeout(timer);
    };
  }, []);
  return <div ref={layer} className="reaction-bursts" aria-hidden="true" data-testid="reaction-bursts" />;
}
