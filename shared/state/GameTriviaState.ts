import { type } from '@colyseus/schema';
import { GameState } from './GameState.ts';

/** Gate Trivia: the question's text comes to each member in their language (`question` message); this is the rest. */
export class TriviaState extends GameState {
  @type('string') packId = '';
  @type('uint8') choices = 0;
  /** Server epoch ms the open question's window opened (scores count speed from here). */
  @type('float64') opensAt = 0;
  /** Index of the right choice, set only once the window has closed (reveal); -1 while it is open. */
  @type('int8') correct = -1;
  @type('uint8') answeredCount = 0;
}
