/** Where the guided arrival stands: closed, or showing one step (an index into the steps). */
export type TourState = { kind: 'closed' } | { kind: 'open'; step: number };

export type TourAction = 'start' | 'next' | 'skip';

export const TOUR_CLOSED: TourState = { kind: 'closed' };

/** The tour's state machine: start opens the first step, next walks on and closes after the last, skip closes. */
export function nextTourState(state: TourState, action: TourAction, steps: number): TourState {
  switch (action) {
    case 'start':
      return steps > 0 ? { kind: 'open', step: 0 } : TOUR_CLOSED;
    case 'next':
      if (state.kind === 'closed') return state;
      return state.step + 1 < steps ? { kind: 'open', step: state.step + 1 } : TOUR_CLOSED;
    case 'skip':
      return TOUR_CLOSED;
  }
}

/** What the browser remembers: a member who finished or skipped the tour is not shown it again. */
export type TourMemory = Pick<Storage, 'getItem' | 'setItem'>;

/** Set (to anything) to never open the tour by itself in this browser: end-to-end tests set it (test/support). */
export const TOUR_OFF_KEY = 'layover.arrival.off';

const seenKey = (memberId: string) => `layover.arrival.seen.${memberId}`;

/** Whether the tour should open by itself for this member now: first visit, and not switched off. */
export function tourDue(memberId: string, memory: TourMemory | null): boolean {
  if (!memory) return false;
  try {
    return memory.getItem(TOUR_OFF_KEY) === null && memory.getItem(seenKey(memberId)) === null;
  } catch {
    // Storage refused (private mode, a full quota): a tour every visit would nag, so none by itself.
    return false;
  }
}

/** Remembers that the member has been through (or skipped) the tour. */
export function rememberTour(memberId: string, memory: TourMemory | null, now: number): void {
  try {
    memory?.setItem(seenKey(memberId), new Date(now).toISOString());
  } catch {
    // Nothing to do: the tour may show once more next time.
  }
}
