import { useLayoverStore } from '../core/store.ts';
import { sendReady } from './net/gameInputs.ts';

/** Sends ready in the open lobby (false when there is none yet): net/gameInputs' sendReady, or a test's stand-in. */
export type ReadySender = (ready: boolean) => boolean;

/**
 * "Play again": in the lobby, ready at once and leave the results; before it opens (the results still showing),
 * queue for the next round, or, pressed again, take the queue back. Returns what happened.
 */
export function playAgain(send: ReadySender = sendReady): 'ready' | 'queued' | 'unqueued' {
  const store = useLayoverStore.getState();
  if (store.gameView?.phase === 'lobby' && send(true)) {
    store.setPlayAgainQueued(false);
    store.setResultsOpen(false);
    return 'ready';
  }
  const queued = !store.playAgainQueued;
  store.setPlayAgainQueued(queued);
  return queued ? 'queued' : 'unqueued';
}

/** The next lobby has opened: a queued member readies and leaves the results. True when it did. */
export function joinQueuedRound(send: ReadySender = sendReady): boolean {
  const store = useLayoverStore.getState();
  if (!store.playAgainQueued || store.gameView?.phase !== 'lobby' || !send(true)) return false;
  store.setPlayAgainQueued(false);
  store.setResultsOpen(false);
  return true;
}
