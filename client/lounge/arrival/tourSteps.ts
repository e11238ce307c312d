import type { MessageKey } from '../../core/i18n/en.ts';

/** One stop of the guided arrival: the zone the map marks, and what the card says about it. */
export interface TourStep {
  zone: string;
  title: MessageKey;
  body: MessageKey;
}

/** The guided arrival's stops, in order: what the first journey needs first, then the places worth a walk. */
export const TOUR_STEPS: readonly TourStep[] = [
  { zone: 'departures-board', title: 'arrival.board.title', body: 'arrival.board.body' },
  { zone: 'arcade', title: 'arrival.arcade.title', body: 'arrival.arcade.body' },
  { zone: 'vip-door', title: 'arrival.vip.title', body: 'arrival.vip.body' },
  { zone: 'bar', title: 'arrival.bar.title', body: 'arrival.bar.body' },
];
