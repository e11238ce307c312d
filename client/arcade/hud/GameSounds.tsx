import { useEffect } from 'react';
import type { InputOutcome } from '../../../shared/protocol/games.ts';
import { useLayoverStore } from '../../core/store.ts';
import { recordOf } from '../results.ts';
import { playSound } from '../sounds.ts';

/** Grab outcomes worth a sound: a catch, a penalty, and the near misses (quieter). */
const GRAB_SOUNDS: Partial<Record<InputOutcome, [name: 'grab' | 'wrong', volume: number]>> = {
  accepted: ['grab', 1],
  wrong: ['wrong', 1],
  taken: ['wrong', 0.4],
  missed: ['wrong', 0.4],
  gone: ['wrong', 0.4],
};

/** Plays the arcade's effects as the store changes: grabs, trivia reveals and round results. */
export function GameSounds() {
  useEffect(
    () =>
      useLayoverStore.subscribe((state, previous) => {
        const feedback = state.gameFeedback;
        if (feedback && feedback.seq !== previous.gameFeedback?.seq && feedback.kind === 'grabbed') {
          const sound = GRAB_SOUNDS[feedback.outcome];
          if (sound) playSound(sound[0], sound[1]);
        }
        const correct = state.gameView?.trivia?.correct ?? -1;
        const wasCorrect = previous.gameView?.trivia?.correct ?? -1;
        const pick = state.triviaPick;
        if (
          correct >= 0 &&
          wasCorrect < 0 &&
          pick &&
          pick.turn === state.gameView?.turn &&
          pick.outcome === 'accepted'
        )
          playSound(pick.choice === correct ? 'correct' : 'wrong');
        const result = state.roundResult;
        if (result && result !== previous.roundResult) {
          if (result.won) playSound('win');
          else if (recordOf(result)) playSound('correct');
        }
      }),
    [],
  );
  return null;
}
