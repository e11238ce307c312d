import { ArraySchema, MapSchema, Schema, type } from '@colyseus/schema';
import { GameState } from './GameState.ts';

/**
 * One bag on the carousel. Its place along the loop at server time t is
 * `(speed * (t - spawnAt) / 1000)` metres from the chute, until it rides back into the chute at `length`.
 */
export class Bag extends Schema {
  @type('uint16') id = 0;
  /** Destination tag printed on the bag: a player's bags carry their station's tag; 'PRIORITY' bags are anyone's. */
  @type('string') tag = '';
  @type('float64') spawnAt = 0;
  /** Session id of the player who took it, '' while it rides. */
  @type('string') takenBy = '';
}

export class BagsState extends GameState {
  /** Loop length in metres and belt speed in m/s. */
  @type('float32') length = 0;
  @type('float32') speed = 0;
  /** How far along the loop each way a player reaches from their station. */
  @type('float32') reach = 0;
  /** Each station's place along the loop, in metres from the chute; GamePlayer.station indexes it. */
  @type(['float32']) stations = new ArraySchema<number>();
  /** Each station's destination tag. */
  @type(['string']) stationTags = new ArraySchema<string>();
  /** Bags on the carousel now (spawned, not yet gone), keyed by id; future bags are the server's secret. */
  @type({ map: Bag }) bags = new MapSchema<Bag>();
}
