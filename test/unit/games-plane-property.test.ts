import { describe, expect, it } from 'vitest';
import { flyPlane, PLANE_PHYSICS, planeScore, windFor } from '../../server/domain/games/plane.ts';
import { bestDistance, planeRoundWon, powerForAirspeed } from '../../server/domain/games/plane-par.ts';
import { planeGame } from '../../shared/content/games.ts';

const SEEDS = 400;
const { turns, windMaxMps, parShare, winScore } = planeGame;
/** Every wind a round can draw, to a tenth of a metre per second. */
const WINDS = Array.from(
  { length: windMaxMps * 20 + 1 },
  (_, i) => Math.round(i - windMaxMps * 10) / 10 || 0,
);
const roundWinds = Array.from({ length: SEEDS }, (_, seed) =>
  Array.from({ length: turns }, (__, turn) => windFor(seed * 7919 + 13, turn, windMaxMps)),
);

/** The server's rule for a round: any throw made its wind's par, and the best throw reached the content floor. */
function roundWon(flights: { distance: number; wind: number }[]): boolean {
  const score = planeScore(flights.map((flight) => flight.distance));
  return planeRoundWon(flights, parShare) && score >= winScore;
}

describe('Paper Plane wins need skill', () => {
  it('no fixed (angle, power) wins every round: the best fixed throw wins well under 100% of seeded rounds', () => {
    let bestRate = 0;
    let bestInput = { angle: 0, power: 0 };
    for (let angle = 5; angle <= 85; angle += 1)
      for (let step = 0; step <= 25; step++) {
        const input = { angle, power: step / 25 };
        const byWind = new Map(WINDS.map((wind) => [wind, flyPlane(input, wind).distance]));
        const wins = roundWinds.filter((winds) =>
          roundWon(winds.map((wind) => ({ wind, distance: byWind.get(wind) ?? 0 }))),
        ).length;
        if (wins / SEEDS > bestRate) [bestRate, bestInput] = [wins / SEEDS, input];
      }
    expect(bestRate, `best fixed input ${JSON.stringify(bestInput)}`).toBeLessThan(0.6);
    expect(bestRate).toBeGreaterThan(0);
  });

  it('the throw that used to win at every wind (angle 17, power 1) now tumbles into a headwind', () => {
    const flights = roundWinds.map((winds) =>
      winds.map((wind) => ({ wind, distance: flyPlane({ angle: 17, power: 1 }, wind).distance })),
    );
    expect(flights.filter(roundWon).length / SEEDS).toBeLessThan(0.6);
    expect(flyPlane({ angle: 17, power: 1 }, -2).tumbled).toBe(true);
  });

  it('a skilled throw, adjusted to each wind, wins every round', () => {
    const skilled = (wind: number) => {
      const angle = 20;
      const airspeed = PLANE_PHYSICS.glideAirspeedMps.max - 0.2;
      return {
        wind,
        distance: flyPlane({ angle, power: powerForAirspeed(angle, wind, airspeed) }, wind).distance,
      };
    };
    const won = roundWinds.filter((winds) => roundWon(winds.map(skilled))).length;
    expect(won).toBe(SEEDS);
  });

  it('even a skilled throw in one wind misses par in the opposite wind', () => {
    const angle = 20;
    const power = powerForAirspeed(angle, 3, PLANE_PHYSICS.glideAirspeedMps.max - 0.2);
    expect(roundWon([{ wind: 3, distance: flyPlane({ angle, power }, 3).distance }])).toBe(true);
    expect(roundWon([{ wind: -3, distance: flyPlane({ angle, power }, -3).distance }])).toBe(false);
  });

  it('par moves with the wind, and the lobby text states the share it takes', () => {
    expect(bestDistance(windMaxMps)).toBeGreaterThan(bestDistance(0));
    expect(bestDistance(0)).toBeGreaterThan(bestDistance(-windMaxMps));
    expect(bestDistance(-windMaxMps) * parShare * 100).toBeGreaterThan(winScore);
    expect(planeGame.howTo.en).toContain(`${Math.round(parShare * 100)}%`);
  });
});
