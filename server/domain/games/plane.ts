import type { GamePhase, InputOutcome, PlaneThrow } from '../../../shared/protocol/games.ts';
import { seededRandom } from './random.ts';

/** The flight model's constants: launch height, speeds, drag and lift of a paper plane, fixed integration step. */
export const PLANE_PHYSICS = {
  launchHeightM: 1.6,
  minSpeedMps: 4,
  maxSpeedMps: 16,
  gravity: 9.81,
  drag: 0.03,
  lift: 0.06,
  /** Lift never exceeds this share of gravity: a paper plane glides, it does not climb on its own. */
  maxLiftG: 0.8,
  /** A paper plane glides only if it leaves the hand at its trim airspeed: faster it loops, slower it stalls. */
  glideAirspeedMps: { min: 10, max: 12 },
  /** A looping or stalled plane tumbles: no lift, and this many times the drag. */
  tumbleDragFactor: 3,
  stepS: 1 / 120,
  maxFlightS: 20,
  /** Points of the drawn path sent to clients. */
  pathPoints: 24,
} as const;

export interface Flight {
  /** Metres from the launch line to where it touched down. */
  distance: number;
  flightMs: number;
  /** x0, y0, x1, y1, ... evenly spaced in time, rounded to centimetres. */
  path: number[];
  /** It left the hand outside the glide airspeed (too hard or too soft for the wind) and tumbled. */
  tumbled: boolean;
}

/** The plane's airspeed as it leaves the hand: the throw's speed less the wind. */
export function launchAirspeed(input: { angle: number; power: number }, wind: number): number {
  const p = PLANE_PHYSICS;
  const speed = p.minSpeedMps + (p.maxSpeedMps - p.minSpeedMps) * input.power;
  const radians = (input.angle * Math.PI) / 180;
  return Math.hypot(speed * Math.cos(radians) - wind, speed * Math.sin(radians));
}

/** The wind of throw `turn` in a round: drawn from the round's seed, in [-maxMps, maxMps], to 0.1 m/s. */
export function windFor(seed: number, turn: number, maxMps: number): number {
  const random = seededRandom(seed, 0x77696e64, turn);
  return Math.round((random() * 2 - 1) * maxMps * 10) / 10 || 0;
}

/**
 * Flies one throw: gravity, quadratic drag and capped lift against the air (the plane's speed less the wind). A throw
 * outside the glide airspeed tumbles, so the wind decides how hard to throw: softer into it, harder with it.
 */
export function flyPlane(input: { angle: number; power: number }, wind: number): Flight {
  const p = PLANE_PHYSICS;
  const launch = launchAirspeed(input, wind);
  const tumbled = launch < p.glideAirspeedMps.min || launch > p.glideAirspeedMps.max;
  const liftFactor = tumbled ? 0 : p.lift;
  const drag = tumbled ? p.drag * p.tumbleDragFactor : p.drag;
  const speed = p.minSpeedMps + (p.maxSpeedMps - p.minSpeedMps) * input.power;
  const radians = (input.angle * Math.PI) / 180;
  let vx = speed * Math.cos(radians);
  let vy = speed * Math.sin(radians);
  let x = 0;
  let y: number = p.launchHeightM;
  let t = 0;
  const samples: [number, number][] = [[0, y]];
  const steps = Math.round(p.maxFlightS / p.stepS);
  for (let i = 0; i < steps; i++) {
    const airX = vx - wind;
    const airY = vy;
    const air = Math.hypot(airX, airY);
    const lift = Math.min(liftFactor * air * air, p.maxLiftG * p.gravity);
    const upX = air > 0 ? -airY / air : 0;
    const upY = air > 0 ? airX / air : 1;
    vx += (-drag * air * airX + lift * upX) * p.stepS;
    vy += (-p.gravity - drag * air * airY + lift * upY) * p.stepS;
    const lastX = x;
    const lastY = y;
    x += vx * p.stepS;
    y += vy * p.stepS;
    t += p.stepS;
    if (y <= 0) {
      const share = lastY / (lastY - y);
      x = lastX + (x - lastX) * share;
      t += p.stepS * (share - 1);
      y = 0;
      samples.push([x, 0]);
      break;
    }
    samples.push([x, y]);
  }
  const distance = Math.max(0, x);
  return { distance, flightMs: Math.round(t * 1000), path: thin(samples, p.pathPoints), tumbled };
}

/** A throw's points: its distance in whole centimetres. */
export function throwPoints(distance: number): number {
  return Math.max(0, Math.round(distance * 100));
}

/** Paper Plane's score: the best of the round's throws, in centimetres. */
export function planeScore(distances: readonly number[]): number {
  return distances.reduce((best, distance) => Math.max(best, throwPoints(distance)), 0);
}

/** What a throw input is worth now; `impossible` means no honest client sends it (drop the sender). */
export function judgeThrow(
  round: { phase: GamePhase; turn: number; turns: number; thrown: ReadonlySet<number> },
  input: Pick<PlaneThrow, 'turn'>,
): InputOutcome | 'impossible' {
  if (input.turn >= round.turns) return 'impossible';
  if (round.phase === 'lobby' || round.phase === 'countdown') return 'notNow';
  if (input.turn > round.turn) return 'impossible';
  if (round.thrown.has(input.turn)) return 'duplicate';
  if (input.turn < round.turn || round.phase !== 'playing') return 'late';
  return 'accepted';
}

function thin(samples: readonly [number, number][], points: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < points; i++) {
    const index = Math.round((i * (samples.length - 1)) / (points - 1));
    const [x, y] = samples[index] ?? [0, 0];
    out.push(Math.round(x * 100) / 100, Math.round(y * 100) / 100);
  }
  return out;
}
