import { flyPlane, launchAirspeed, PLANE_PHYSICS } from './plane.ts';

/** The angles searched for a wind's best throw (the protocol's range, in quarter degrees). */
const SEARCH = { minAngle: 5, maxAngle: 85, stepDeg: 0.25 } as const;
const bestByWind = new Map<number, number>();

/**
 * The power that makes a throw at `angle` leave the hand at `airspeed` through `wind` (clamped to 0..1): what a
 * player who reads the wind aims for.
 */
export function powerForAirspeed(angle: number, wind: number, airspeed: number): number {
  const p = PLANE_PHYSICS;
  const radians = (angle * Math.PI) / 180;
  const cross = wind * Math.sin(radians);
  const speed = wind * Math.cos(radians) + Math.sqrt(Math.max(0, airspeed * airspeed - cross * cross));
  const power = (speed - p.minSpeedMps) / (p.maxSpeedMps - p.minSpeedMps);
  return Math.min(1, Math.max(0, power));
}

/**
 * The furthest any throw flies in `wind` (metres), cached per wind: the best throw leaves the hand at the top of the
 * glide airspeed, so only its angle is searched.
 */
export function bestDistance(wind: number): number {
  const cached = bestByWind.get(wind);
  if (cached !== undefined) return cached;
  const top = PLANE_PHYSICS.glideAirspeedMps.max - 1e-9;
  let best = 0;
  for (let angle = SEARCH.minAngle; angle <= SEARCH.maxAngle; angle += SEARCH.stepDeg) {
    const power = powerForAirspeed(angle, wind, top);
    if (launchAirspeed({ angle, power }, wind) > PLANE_PHYSICS.glideAirspeedMps.max) continue;
    best = Math.max(best, flyPlane({ angle, power }, wind).distance);
  }
  bestByWind.set(wind, best);
  return best;
}

/** The distance a throw in `wind` must reach to win: `parShare` of the best the wind allows, so wins need skill. */
export function parDistance(wind: number, parShare: number): number {
  return bestDistance(wind) * parShare;
}

/**
 * How far a throw in `wind` must fly to win the round's prize, in metres: its wind's par, and never under the game's
 * `winScore` (centimetres). The client draws it as the gold line and the results measure each throw against it.
 */
export function winDistance(wind: number, game: { parShare: number; winScore: number }): number {
  return Math.max(parDistance(wind, game.parShare), game.winScore / 100);
}

/** Whether a landed throw made its wind's par. */
export function madePar(flight: { distance: number; wind: number }, parShare: number): boolean {
  return flight.distance > 0 && flight.distance >= parDistance(flight.wind, parShare);
}

/** A Paper Plane round is won when any of its throws made the par of its own wind. */
export function planeRoundWon(
  flights: readonly { distance: number; wind: number }[],
  parShare: number,
): boolean {
  return flights.some((flight) => madePar(flight, parShare));
}
