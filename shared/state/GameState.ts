import { MapSchema, Schema, type } from '@colyseus/schema';

/** One player at a game cabinet, as everyone in the room sees them. Fields only: rules live in server/domain/games. */
export class GamePlayer extends Schema {
  @type('string') memberId = '';
  @type('string') name = '';
  /** Join order in this room; breaks ties (lower first). */
  @type('uint16') order = 0;
  @type('boolean') ready = false;
  /** Live score of the current (or last) round. */
  @type('int32') score = 0;
  /** Points the last resolved turn gave (a throw's centimetres, a question's points, a bag's points). */
  @type('int32') gain = 0;
  /** Rank at results (1 = winner); 0 before. */
  @type('uint8') rank = 0;
  /** Gate Trivia: answered the open question (never which choice, never whether it was right). */
  @type('boolean') answered = false;
  /** Baggage Rush: index of this player's station (BagsState.stations), -1 outside a round. */
  @type('int8') station = -1;
  /** False while the member's connection is lost and their seat is held for a reconnect. */
  @type('boolean') connected = true;
}

/**
 * What every game room shares. Times are server epoch ms; `now` is the server's clock at the last patch, so a client
 * can count `phaseEndsAt - now` down and estimate server time for its inputs.
 */
export class GameState extends Schema {
  @type('string') gameId = '';
  /** lobby -> countdown -> (playing -> reveal) x turns -> results -> lobby (GAME_PHASES). */
  @type('string') phase = 'lobby';
  /** Rounds started in this room, counting from 1 at the first countdown. */
  @type('uint16') round = 0;
  /** The current throw or question, 0-based. */
  @type('uint8') turn = 0;
  @type('uint8') turns = 1;
  @type('uint8') minPlayers = 1;
  @type('uint8') maxPlayers = 1;
  /** When the current phase ends (0 when it waits for players). */
  @type('float64') phaseEndsAt = 0;
  @type('float64') now = 0;
  /** Session id of the round's winner at results; '' when nobody reached the game's winning score. */
  @type('string') winner = '';
  /** Keyed by session id. */
  @type({ map: GamePlayer }) players = new MapSchema<GamePlayer>();
}
