import type { GameId } from '../../shared/content/games.ts';
import { unlockSounds } from './sounds.ts';

/** Sits down at a game from a click or key press: audio unlocks on that gesture, the room code loads on demand. */
export function startGame(gameId: GameId): void {
  unlockSounds();
  void import('./net/games.ts').then(({ openGame }) => openGame(gameId));
}
