import type { GameId } from '../../shared/content/games.ts';
import type { GamePhase, InputOutcome } from '../../shared/protocol/games.ts';

/** One player at the cabinet, as React lists them (mirrored from GamePlayer on each patch that changes it). */
export interface GamePlayerView {
  sessionId: string;
  memberId: string;
  name: string;
  order: number;
  ready: boolean;
  score: number;
  gain: number;
  rank: number;
  answered: boolean;
  station: number;
  connected: boolean;
}

/** One Paper Plane throw as the server flew it. */
export interface FlightView {
  turn: number;
  angle: number;
  power: number;
  wind: number;
  distance: number;
  flightMs: number;
  path: number[];
  /** Metres this throw had to reach to win the round's prize. */
  par: number;
}

/**
 * What the game views draw from the room state, without its clock: it changes with the phase, a score or a
 * player, never per patch. Bags on the carousel move every frame and live in client/games/bags/liveBags.ts.
 */
export interface GameView {
  gameId: GameId;
  phase: GamePhase;
  round: number;
  turn: number;
  turns: number;
  minPlayers: number;
  maxPlayers: number;
  /** Server epoch ms the phase ends; 0 while the lobby waits for players. */
  phaseEndsAt: number;
  /** Session id of the round's winner at results, else ''. */
  winner: string;
  players: GamePlayerView[];
  /** `par`: metres the open throw must reach to win the round's prize (the scene's gold line). */
  plane: { wind: number; par: number; flights: FlightView[] } | null;
  trivia: { packId: string; choices: number; opensAt: number; correct: number; answeredCount: number } | null;
  bags: { length: number; speed: number; reach: number; stations: number[]; stationTags: string[] } | null;
}

/** What became of the member's last input, for a moment of feedback (`seq` tells two equal ones apart). */
export interface GameFeedback {
  seq: number;
  kind: 'thrown' | 'answered' | 'grabbed';
  outcome: InputOutcome;
}

/** The member's answer to the open question: `outcome` is null until the server says it was taken in time. */
export interface TriviaPick {
  turn: number;
  choice: number;
  outcome: InputOutcome | null;
}

export type LeaderboardPeriod = 'daily' | 'all';
export type LeaderboardKey = `${GameId}:${LeaderboardPeriod}`;
