import { Client } from '@colyseus/sdk';
import type { GameId } from '../../../shared/content/games.ts';
import type { GameServerMessages } from '../../../shared/protocol/games.ts';
import { GameRoomName } from '../../../shared/rooms.ts';
import { useLayoverStore } from '../../core/store.ts';
import { clearLiveBags, grabbedBags } from '../bags/liveBags.ts';
import { gameErrorKey, gameJoinError, gameLeaveError } from '../gameErrors.ts';
import { joinQueuedRound } from '../playAgain.ts';
import { gameClock } from '../serverClock.ts';
import { resetGameInputs } from './gameInputs.ts';
import { type AnyGameState, mirrorBags, readGameView } from './gameMirror.ts';
import { currentGameRoom, type GameRoom, setCurrentGameRoom } from './gameRoomRef.ts';
import { refreshLeaderboards } from './leaderboard.ts';

let client: Client | null = null;
/** True while we leave on purpose: the room closing is then expected, not an error. */
let leaving = false;
let lastViewKey = '';

function gameClient(): Client {
  client ??= new Client(globalThis.location.origin.replace(/^http/, 'ws'));
  return client;
}

/**
 * Sits down at a cabinet: joins the game's room with our session *beside* the lounge seat, which stays as it is
 * (avatar, chat, quests and prize messages keep arriving through it), so leaving the game needs no rejoin.
 */
export async function openGame(gameId: GameId): Promise<void> {
  const store = useLayoverStore.getState();
  if (!store.token || store.status !== 'inLounge' || store.game) return;
  watchLounge();
  store.beginGame(gameId);
  void refreshLeaderboards(gameId);
  try {
    const joined = (await gameClient().joinOrCreate(GameRoomName[gameId], {
      token: store.token,
      locale: store.locale,
    })) as GameRoom;
    if (useLayoverStore.getState().game?.id !== gameId) {
      // Closed (or signed out) while the join was on its way.
      await joined.leave(true).catch(() => undefined);
      return;
    }
    setCurrentGameRoom(joined);
    attach(gameId, joined);
    useLayoverStore.getState().gameJoined(joined.sessionId);
  } catch (error) {
    const code = gameJoinError(error);
    console.warn(`Layover: joining ${gameId} failed (${code})`, error);
    // Back to the arcade menu, which says what went wrong in the member's language.
    useLayoverStore.getState().endGame(code);
    useLayoverStore.getState().openArcadeMenu(gameId);
  }
}

/** Stands up from the cabinet and returns to the lounge view; the lounge seat was never left. */
export async function leaveGame(): Promise<void> {
  const leavingRoom = currentGameRoom();
  forget();
  useLayoverStore.getState().endGame();
  if (!leavingRoom) return;
  leaving = true;
  try {
    await leavingRoom.leave(true);
  } catch {
    // Already closed: nothing to leave.
  } finally {
    leaving = false;
  }
}

function forget(): void {
  setCurrentGameRoom(null);
  resetGameInputs();
  lastViewKey = '';
  gameClock.reset();
  clearLiveBags();
}

let watching = false;

/** Losing the lounge seat (signed out, session failed) ends the game too. */
function watchLounge(): void {
  if (watching) return;
  watching = true;
  useLayoverStore.subscribe((state, previous) => {
    if (previous.status === 'inLounge' && state.status !== 'inLounge' && (currentGameRoom() || state.game))
      void leaveGame();
  });
}

function onPatch(gameId: GameId, state: AnyGameState): void {
  gameClock.sample(state.now, performance.now());
  if (gameId === 'bags') mirrorBags(state);
  const view = readGameView(gameId, state);
  const key = JSON.stringify(view);
  if (key === lastViewKey) return;
  lastViewKey = key;
  const store = useLayoverStore.getState();
  const before = store.gameView;
  store.setGameView(view);
  // "Play again" pressed during the results: the lobby is open, so ready now (retried on later patches if refused).
  if (view.phase === 'lobby') joinQueuedRound();
  if (before?.phase === view.phase) return;
  if (view.phase === 'countdown') {
    // A new round: last round's screen, question and grabs are over.
    store.setResultsOpen(false);
    store.setPlayAgainQueued(false);
    store.setRoundResult(null);
    store.setTriviaQuestion(null);
    store.setTriviaPick(null);
    grabbedBags.clear();
  } else if (view.phase === 'results') store.setResultsOpen(true);
}

function attach(gameId: GameId, joined: GameRoom): void {
  const live = () => currentGameRoom() === joined;
  const store = useLayoverStore.getState;
  joined.onStateChange((state) => live() && onPatch(gameId, state));
  const on = <K extends keyof GameServerMessages>(
    type: K,
    handle: (payload: GameServerMessages[K]) => void,
  ) => joined.onMessage(type, (payload: GameServerMessages[K]) => live() && handle(payload));

  on('thrown', ({ outcome }) => store().pushGameFeedback({ kind: 'thrown', outcome }));
  on('question', (question) => {
    store().setTriviaQuestion(question);
    if (store().triviaPick?.turn !== question.turn) store().setTriviaPick(null);
  });
  on('answered', ({ turn, outcome }) => {
    const pick = store().triviaPick;
    if (pick?.turn === turn) store().setTriviaPick({ ...pick, outcome });
    store().pushGameFeedback({ kind: 'answered', outcome });
  });
  on('grabbed', ({ bagId, outcome }) => {
    // Not counted at all (too fast, not now): the bag may be tried again.
    if (outcome === 'rateLimited' || outcome === 'notNow') grabbedBags.delete(bagId);
    store().pushGameFeedback({ kind: 'grabbed', outcome });
  });
  on('roundResult', (result) => {
    store().setRoundResult(result);
    store().setResultsOpen(true);
    void refreshLeaderboards(gameId);
  });
  on('notice', ({ code }) => console.warn(`Layover: the ${gameId} room says ${code}`));

  joined.onDrop(() => live() && store().setGameConnection('reconnecting'));
  joined.onReconnect(() => live() && store().setGameConnection('joined'));
  joined.onLeave((code, reason) => {
    if (!live() || leaving) return;
    forget();
    const error = gameLeaveError(code, reason);
    console.warn(`Layover: the ${gameId} room closed (${code}) ${reason ?? ''}`);
    store().endGame();
    if (error) store().pushToast({ kind: 'alert', key: gameErrorKey(error) });
  });
}
