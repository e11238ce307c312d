import { validate } from '@colyseus/core';
import { type PlaneGame, planeGame } from '../../../shared/content/games.ts';
import { PlaneThrow } from '../../../shared/protocol/games.ts';
import { PlaneFlight, PlaneState } from '../../../shared/state/GamePlaneState.ts';
import { flyPlane, judgeThrow, planeScore, throwPoints, windFor } from '../../domain/games/plane.ts';
import { bestDistance, madePar, winDistance } from '../../domain/games/plane-par.ts';
import { GameRoom } from './game-room.ts';

/** A win score no distance reaches: a round where no throw made its wind's par is not won. */
const UNREACHABLE = Number.MAX_SAFE_INTEGER;

/** Paper Plane: one player, three throws; the server flies each throw in the round's wind and keeps the best. */
export class PlaneRoom extends GameRoom<PlaneState> {
  override state = new PlaneState();
  /** Whether a throw this round reached the par of its own wind: only then can the round be won. */
  private parMade = false;

  // The win depends on each throw's wind, not one fixed distance (a fixed throw once won in every wind).
  protected override get game(): PlaneGame {
    return this.parMade ? planeGame : { ...planeGame, winScore: UNREACHABLE };
  }

  /** Turns thrown this round (a replayed throw counts once), and every turn's distance in metres. */
  private readonly thrown = new Set<number>();
  private readonly distances: number[] = [];
  protected override readonly inputRate = { burst: 2, perSecond: 1 };

  override messages = {
    ready: this.readyMessage,
    throw: validate(PlaneThrow, (client, input) => {
      const player = this.state.players.get(client.sessionId);
      if (!player) return;
      const now = Date.now();
      if (!this.takeInput(client.sessionId, now)) {
        client.send('thrown', { turn: input.turn, outcome: 'rateLimited' });
        return;
      }
      const { turn, turns } = this.state;
      const outcome = judgeThrow({ phase: this.phase, turn, turns, thrown: this.thrown }, input);
      if (outcome === 'impossible') return this.expel(client);
      client.send('thrown', { turn: input.turn, outcome });
      if (outcome !== 'accepted') return;
      this.thrown.add(turn);
      const flight = flyPlane(input, this.state.wind);
      if (madePar({ distance: flight.distance, wind: this.state.wind }, planeGame.parShare))
        this.parMade = true;
      this.land(flight, input, now);
      player.gain = throwPoints(flight.distance);
      player.score = planeScore(this.distances);
    }),
  };

  protected override prepareRound(): void {
    this.thrown.clear();
    this.parMade = false;
    this.distances.length = 0;
    this.state.flights.clear();
    this.state.wind = windFor(this.seed, 0, this.game.windMaxMps);
    this.state.par = winDistance(this.state.wind, planeGame);
    // Work out each throw's par now, in the countdown, not while a throw waits for its flight.
    for (let turn = 0; turn < this.game.turns; turn++)
      bestDistance(windFor(this.seed, turn, this.game.windMaxMps));
  }

  protected override beginPlay(now: number): void {
    this.openTurn(0, now);
  }

  protected override advancePlay(now: number): void {
    if (now < this.state.phaseEndsAt) return;
    if (this.state.phase === 'playing') {
      // The turn ran out without a throw: it counts as a throw of 0 m.
      this.land({ distance: 0, flightMs: 0, path: [] }, { angle: 0, power: 0 }, now);
      for (const player of this.state.players.values()) player.gain = 0;
    } else if (this.state.turn + 1 < this.state.turns) this.openTurn(this.state.turn + 1, now);
    else this.finishRound(now);
  }

  private openTurn(turn: number, now: number): void {
    this.state.turn = turn;
    this.state.wind = windFor(this.seed, turn, this.game.windMaxMps);
    this.state.par = winDistance(this.state.wind, planeGame);
    this.setPhase('playing', now + this.timing.turnMs);
  }

  private land(
    flight: { distance: number; flightMs: number; path: number[] },
    input: { angle: number; power: number },
    now: number,
  ): void {
    const record = new PlaneFlight();
    record.turn = this.state.turn;
    record.angle = input.angle;
    record.power = input.power;
    record.wind = this.state.wind;
    record.distance = flight.distance;
    record.par = this.state.par;
    record.flightMs = Math.min(65_535, flight.flightMs);
    record.path.push(...flight.path);
    this.state.flights.push(record);
    this.distances.push(flight.distance);
    this.setPhase('reveal', now + this.timing.revealMs);
  }
}
