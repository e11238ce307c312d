import { describe, expect, it } from 'vitest';
import { toastsHeld } from '../../client/core/ui/toastsHeld.ts';

const calm = { celebration: null, resultsOpen: false, gameView: null };
const inGame = { phase: 'results' };

describe('toasts wait while something they would cover is showing', () => {
  it('show at once in the lounge', () => {
    expect(toastsHeld(calm)).toBe(false);
  });

  it('wait during a stamp celebration', () => {
    expect(toastsHeld({ ...calm, celebration: { stampId: 'first-visit' } })).toBe(true);
  });

  it("wait while a game's results panel is open, and show once the member plays on or leaves", () => {
    expect(toastsHeld({ ...calm, resultsOpen: true, gameView: inGame })).toBe(true);
    expect(toastsHeld({ ...calm, resultsOpen: false, gameView: inGame })).toBe(false);
    // Left the game: a stale results flag without a game holds nothing.
    expect(toastsHeld({ ...calm, resultsOpen: true, gameView: null })).toBe(false);
  });
});
