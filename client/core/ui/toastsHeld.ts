/** What decides whether toasts wait out of sight. */
export interface ToastHoldState {
  celebration: unknown;
  resultsOpen: boolean;
  gameView: unknown;
}

/**
 * Toasts wait (out of sight, still read out, timers stopped) while a stamp celebration shows or a game's results
 * panel is open: the panel already says what the prize toasts say, and toasts drawn over it hid its title.
 */
export function toastsHeld(state: ToastHoldState): boolean {
  return state.celebration !== null || (state.resultsOpen && state.gameView !== null);
}
