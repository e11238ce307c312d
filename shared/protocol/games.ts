import { z } from 'zod';
import { GAME_IDS } from '../content/games.ts';
import { TRIVIA_LOCALES } from '../content/trivia-schema.ts';
import { JoinOptions } from './join.ts';
import type { PrizeView } from './quests.ts';

/** Phases every game room goes through, in order; `results` leads back to `lobby` for the next round. */
export const GAME_PHASES = ['lobby', 'countdown', 'playing', 'reveal', 'results'] as const;
export type GamePhase = (typeof GAME_PHASES)[number];

/** Joining a game: the session token, and the language trivia questions should come in (else the member's, else en). */
export const GameJoinOptions = JoinOptions.extend({ locale: z.enum(TRIVIA_LOCALES).optional() });
export type GameJoinOptions = z.infer<typeof GameJoinOptions>;

/** Paper Plane limits: a throw outside them is impossible and drops the sender. */
export const PLANE_ANGLE = { min: 5, max: 85 } as const;
/** Widest bag id a carousel hands out; a grab naming another is malformed. */
export const MAX_BAG_ID = 9_999;
const MAX_TURN = 19;

// Client -> server. Every schema is strict: an extra field (a `score`, a `distance`) fails validation and drops the sender.

/** Lobby: ready (or not) to start; the round starts when every player is ready, or at the lobby's deadline. */
export const GameReady = z.strictObject({ ready: z.boolean() });
export type GameReady = z.infer<typeof GameReady>;

/** Paper Plane: throw number `turn` (0-based; a replay of one counts once), angle in degrees, power 0..1. */
export const PlaneThrow = z.strictObject({
  turn: z.number().int().min(0).max(MAX_TURN),
  angle: z.number().finite().min(PLANE_ANGLE.min).max(PLANE_ANGLE.max),
  power: z.number().finite().min(0).max(1),
});
export type PlaneThrow = z.infer<typeof PlaneThrow>;

/** Gate Trivia: the choice (index as shown) for question `turn`; the first answer to a question is final. */
export const TriviaAnswer = z.strictObject({
  turn: z.number().int().min(0).max(MAX_TURN),
  choice: z.number().int().min(0).max(3),
});
export type TriviaAnswer = z.infer<typeof TriviaAnswer>;

/** Baggage Rush: grab bag `bagId` at server time `t` (epoch ms, as the client estimates it from `now` in state). */
export const BagGrab = z.strictObject({
  bagId: z.number().int().min(0).max(MAX_BAG_ID),
  t: z.number().finite().min(0),
});
export type BagGrab = z.infer<typeof BagGrab>;

/** Client -> server messages of each game room: one schema per message type. */
export const PlaneClientMessages = { ready: GameReady, throw: PlaneThrow } as const;
export const TriviaClientMessages = { ready: GameReady, answer: TriviaAnswer } as const;
export const BagsClientMessages = { ready: GameReady, grab: BagGrab } as const;

// Server -> client.

/** What became of one input; never whether an answer was right (that shows in state after the window closes). */
export const INPUT_OUTCOMES = [
  'accepted',
  /** After the window or deadline: counts nothing. */
  'late',
  /** The same throw, question or bag again: counts once. */
  'duplicate',
  /** Over this input's own rate limit: ignored. */
  'rateLimited',
  /** Not in this phase (lobby, countdown, reveal, results). */
  'notNow',
  /** Baggage Rush: someone else's bag (points taken away). */
  'wrong',
  /** Baggage Rush: another player got there first. */
  'taken',
  /** Baggage Rush: the bag had left the carousel, or `t` was too long ago. */
  'gone',
  /** Baggage Rush: just out of reach (within the slack allowed for lag; a grab further out drops the sender). */
  'missed',
] as const;
export type InputOutcome = (typeof INPUT_OUTCOMES)[number];

/** One trivia question in the receiving member's language; the correct choice is never part of it. */
export interface TriviaQuestionView {
  turn: number;
  packId: string;
  /** The pack's name in `locale`. */
  packName: string;
  /** The language the text is in (en when the pack lacks the member's). */
  locale: string;
  prompt: string;
  choices: string[];
  /** Server epoch ms the window opened and closes; answers received after `closesAt` count nothing. */
  opensAt: number;
  closesAt: number;
}

/** The receiving member's outcome of a round, sent once the ledger recorded it. */
export interface RoundResult {
  gameId: string;
  round: number;
  score: number;
  rank: number;
  players: number;
  won: boolean;
  /** Best score today and ever, after this round. */
  dailyBest: number;
  allTimeBest: number;
  /** The winner prize this round earned (once per member per game per UTC day), else null. */
  prize: PrizeView | null;
}

/** Codes the client translates, sent just before the server closes the connection with the matching LeaveCode. */
export const GAME_NOTICE_CODES = ['impossibleInput'] as const;
export type GameNoticeCode = (typeof GAME_NOTICE_CODES)[number];

/** Server -> client messages of the game rooms (scores, phases and results live in room state). */
export interface GameServerMessages {
  /** Paper Plane: what became of a throw (its distance is in state). */
  thrown: { turn: number; outcome: InputOutcome };
  /** Gate Trivia: the question now open, in the member's language. */
  question: TriviaQuestionView;
  /** Gate Trivia: whether an answer was taken in time, never whether it was right. */
  answered: { turn: number; outcome: InputOutcome };
  /** Baggage Rush: what became of a grab. */
  grabbed: { bagId: number; outcome: InputOutcome };
  roundResult: RoundResult;
  notice: { code: GameNoticeCode };
}

/** Close codes a game room leaves a member with (4000-4999, apart from the join codes in join.ts). */
export const GameLeaveCode = {
  /** An input that no honest client can send (a grab far out of reach, a bag not yet on the carousel, a future turn). */
  impossibleInput: 4420,
} as const;

/** Codes a game join can fail with, besides those of every room (join.ts). */
export const GameJoinErrorCode = {
  /** The member already holds a seat at this cabinet (another tab or device). */
  alreadySeated: 4421,
} as const;

// HTTP: GET /api/games/:gameId/leaderboard?period=daily|all[&day=YYYY-MM-DD]

export const LeaderboardParams = z.strictObject({ gameId: z.enum(GAME_IDS) });
export const LeaderboardQuery = z.object({
  period: z.enum(['daily', 'all']).default('daily'),
  /** A UTC day for `daily` (today when absent). */
  day: z.iso.date().optional(),
});
export type LeaderboardQuery = z.infer<typeof LeaderboardQuery>;

export interface LeaderboardEntry {
  rank: number;
  memberId: string;
  name: string;
  score: number;
  /** Epoch ms the score was first reached (an earlier one ranks first on a tie). */
  at: number;
}

export interface LeaderboardResponse {
  gameId: string;
  period: 'daily' | 'all';
  /** The UTC day of a daily board, null for all-time. */
  day: string | null;
  entries: LeaderboardEntry[];
}
