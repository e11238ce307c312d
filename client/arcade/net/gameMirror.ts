import type { GameId } from '../../../shared/content/games.ts';
import type { GamePhase } from '../../../shared/protocol/games.ts';
import type { BagsState } from '../../../shared/state/GameBagsState.ts';
import type { PlaneState } from '../../../shared/state/GamePlaneState.ts';
import type { GameState } from '../../../shared/state/GameState.ts';
import type { TriviaState } from '../../../shared/state/GameTriviaState.ts';
import { liveBags } from '../bags/liveBags.ts';
import type { FlightView, GamePlayerView, GameView } from '../gameView.ts';

/** Any game room's state as the SDK decodes it (fields of the game's own state class present). */
export type AnyGameState = GameState &
  Partial<Pick<PlaneState, 'wind' | 'par' | 'flights'>> &
  Partial<Pick<TriviaState, 'packId' | 'choices' | 'opensAt' | 'correct' | 'answeredCount'>> &
  Partial<Pick<BagsState, 'length' | 'speed' | 'reach' | 'stations' | 'stationTags' | 'bags'>>;

function players(state: GameState): GamePlayerView[] {
  const list: GamePlayerView[] = [];
  state.players.forEach((player, sessionId) => {
    list.push({
      sessionId,
      memberId: player.memberId,
      name: player.name,
      order: player.order,
      ready: player.ready,
      score: player.score,
      gain: player.gain,
      rank: player.rank,
      answered: player.answered,
      station: player.station,
      connected: player.connected,
    });
  });
  return list.sort((a, b) => a.order - b.order);
}

function flights(state: AnyGameState): FlightView[] {
  const list: FlightView[] = [];
  state.flights?.forEach((flight) => {
    list.push({
      turn: flight.turn,
      angle: flight.angle,
      power: flight.power,
      wind: flight.wind,
      distance: flight.distance,
      flightMs: flight.flightMs,
      path: Array.from(flight.path),
      par: flight.par,
    });
  });
  return list;
}

/** The React-facing view of a game room's state (everything but its clock and the moving bags). */
export function readGameView(gameId: GameId, state: AnyGameState): GameView {
  return {
    gameId,
    phase: state.phase as GamePhase,
    round: state.round,
    turn: state.turn,
    turns: state.turns,
    minPlayers: state.minPlayers,
    maxPlayers: state.maxPlayers,
    phaseEndsAt: state.phaseEndsAt,
    winner: state.winner,
    players: players(state),
    plane:
      gameId === 'plane' ? { wind: state.wind ?? 0, par: state.par ?? 0, flights: flights(state) } : null,
    trivia:
      gameId === 'trivia'
        ? {
            packId: state.packId ?? '',
            choices: state.choices ?? 0,
            opensAt: state.opensAt ?? 0,
            correct: state.correct ?? -1,
            answeredCount: state.answeredCount ?? 0,
          }
        : null,
    bags:
      gameId === 'bags'
        ? {
            length: state.length ?? 0,
            speed: state.speed ?? 0,
            reach: state.reach ?? 0,
            stations: Array.from(state.stations ?? []),
            stationTags: Array.from(state.stationTags ?? []),
          }
        : null,
  };
}

const seen = new Set<number>();

/** Brings the carousel's bag map in line with the patch: new bags in, taken ones marked, gone ones out. */
export function mirrorBags(state: Pick<AnyGameState, 'bags'>): void {
  seen.clear();
  state.bags?.forEach((bag) => {
    seen.add(bag.id);
    const live = liveBags.get(bag.id);
    const takenSeenAt = bag.takenBy !== '' ? performance.now() : 0;
    if (!live)
      liveBags.set(bag.id, {
        id: bag.id,
        tag: bag.tag,
        spawnAt: bag.spawnAt,
        takenBy: bag.takenBy,
        takenSeenAt,
      });
    else if (live.takenBy !== bag.takenBy) {
      live.takenBy = bag.takenBy;
      live.takenSeenAt = takenSeenAt;
    }
  });
  for (const id of liveBags.keys()) if (!seen.has(id)) liveBags.delete(id);
}
