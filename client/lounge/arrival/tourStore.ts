import { create } from 'zustand';
import { highlightOnMap } from '../minimap/mapHighlight.ts';
import { nextTourState, TOUR_CLOSED, type TourAction, type TourState } from './tourState.ts';
import { TOUR_STEPS } from './tourSteps.ts';

/**
 * The guided arrival's state, shared by its card, the map's highlight and the help panel's Tour button; `focus` says
 * whether the card takes focus (a member asked for it) or only announces itself (it opened by itself on arrival).
 */
export const useTour = create<{ tour: TourState; focus: boolean }>(() => ({
  tour: TOUR_CLOSED,
  focus: false,
}));

/** Moves the tour on; the map marks the step's place, or nothing once the tour closes. */
export function tourAction(action: TourAction, focus = true): TourState {
  const tour = nextTourState(useTour.getState().tour, action, TOUR_STEPS.length);
  useTour.setState({ tour, focus });
  highlightOnMap(tour.kind === 'open' ? (TOUR_STEPS[tour.step]?.zone ?? null) : null);
  return tour;
}
