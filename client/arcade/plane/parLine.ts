import type { Locale } from '../../core/i18n/translate.ts';
import type { FlightView } from '../gameView.ts';

/** A throw measured against its prize line (its wind's par): how far it flew, what it needed, the share it made. */
export interface ParStanding {
  turn: number;
  distance: number;
  par: number;
  /** distance / par: 1 or more made the line. */
  share: number;
  made: boolean;
}

/** Whether a throw reached its prize line (a throw never made, 0 m, never does). */
export function madeParLine(flight: Pick<FlightView, 'distance' | 'par'>): boolean {
  return flight.distance > 0 && flight.par > 0 && flight.distance >= flight.par;
}

/** The round's throw that came closest to its own prize line (the earlier of equals), or null before any throw. */
export function closestToPar(flights: readonly FlightView[]): ParStanding | null {
  let closest: ParStanding | null = null;
  for (const flight of flights) {
    if (flight.par <= 0) continue;
    const share = flight.distance / flight.par;
    if (closest && share <= closest.share) continue;
    closest = {
      turn: flight.turn,
      distance: flight.distance,
      par: flight.par,
      share,
      made: madeParLine(flight),
    };
  }
  return closest;
}

/** A share of the prize line as the member reads it, never rounded up to 100% when it fell short. */
export function formatParShare(share: number, locale: Locale): string {
  const whole = Math.floor(share * 100 + 1e-9) / 100;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(whole);
}
