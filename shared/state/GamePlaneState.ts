import { ArraySchema, Schema, type } from '@colyseus/schema';
import { GameState } from './GameState.ts';

/** One Paper Plane throw as the server flew it. */
export class PlaneFlight extends Schema {
  @type('uint8') turn = 0;
  @type('float32') angle = 0;
  @type('float32') power = 0;
  @type('float32') wind = 0;
  /** Metres down the terminal (0 for a throw never made before the turn ran out). */
  @type('float32') distance = 0;
  @type('uint16') flightMs = 0;
  /** The flight path for drawing: x0, y0, x1, y1, ... in metres, evenly spaced in time. */
  @type(['float32']) path = new ArraySchema<number>();
  /** Metres this throw had to reach to win the round's prize (its wind's par, at least the game's win score). */
  @type('float32') par = 0;
}

export class PlaneState extends GameState {
  /** Wind of the current throw in m/s (positive blows down the terminal, with the plane). */
  @type('float32') wind = 0;
  /** This round's throws so far; the score is the best distance in centimetres. */
  @type([PlaneFlight]) flights = new ArraySchema<PlaneFlight>();
  /** Metres the open throw must reach to win the round's prize in its wind (the scene's gold line). */
  @type('float32') par = 0;
}
