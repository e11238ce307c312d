import { BagGrab, GameReady, PlaneThrow, TriviaAnswer } from '../../../shared/protocol/games.ts';
import { useLayoverStore } from '../../core/store.ts';
import { checkGrab, type GrabCheck } from '../bags/carousel.ts';
import { grabbedBags, liveBags } from '../bags/liveBags.ts';
import { type Aim, throwInput } from '../plane/aim.ts';
import { gameClock } from '../serverClock.ts';
import { currentGameRoom } from './gameRoomRef.ts';

/** Per-input pauses that keep us under each room's limits (a flood of messages drops the sender). */
const READY_INTERVAL_MS = 500;
const GRAB_INTERVAL_MS = 170;

let lastReadyAt = Number.NEGATIVE_INFINITY;
let lastGrabAt = Number.NEGATIVE_INFINITY;
/** `${round}:${turn}` of the throw already sent, so a double click throws once. */
let thrownKey = '';

function playingView() {
  const { gameView, game } = useLayoverStore.getState();
  const room = currentGameRoom();
  if (!room || !gameView || !game?.selfId) return null;
  return { room, view: gameView, self: gameView.players.find((p) => p.sessionId === game.selfId) };
}

/** Ready (or not) in the lobby. */
export function sendReady(ready: boolean): boolean {
  const current = playingView();
  const now = performance.now();
  if (current?.view.phase !== 'lobby' || now - lastReadyAt < READY_INTERVAL_MS) return false;
  const payload = { ready };
  if (!GameReady.safeParse(payload).success) return false;
  lastReadyAt = now;
  current.room.send('ready', payload);
  return true;
}

/** Throws the plane on the open turn; false when this turn is not open or was already thrown. */
export function sendThrow(aim: Aim): boolean {
  const current = playingView();
  if (current?.view.phase !== 'playing') return false;
  const { turn, round } = current.view;
  const key = `${round}:${turn}`;
  if (thrownKey === key || current.view.plane?.flights.some((flight) => flight.turn === turn)) return false;
  const payload = throwInput(turn, aim);
  if (!PlaneThrow.safeParse(payload).success) return false;
  thrownKey = key;
  current.room.send('throw', payload);
  return true;
}

/** Answers the open question with the choice shown at `choice`; the first answer is final. */
export function sendAnswer(choice: number): boolean {
  const current = playingView();
  const { triviaQuestion: question, triviaPick } = useLayoverStore.getState();
  if (!current || !question || current.view.phase !== 'playing') return false;
  if (question.turn !== current.view.turn || triviaPick?.turn === question.turn) return false;
  if (choice >= question.choices.length || choice >= (current.view.trivia?.choices ?? 0)) return false;
  const payload = { turn: question.turn, choice };
  if (!TriviaAnswer.safeParse(payload).success) return false;
  useLayoverStore.getState().setTriviaPick({ ...payload, outcome: null });
  current.room.send('answer', payload);
  return true;
}

export type GrabAttempt = GrabCheck | 'sent' | 'notNow' | 'already';

/**
 * Grabs a bag at our estimate of server time. Sent only when that moment puts the bag within our reach: a grab
 * far out of reach, or stamped before the bag existed, would drop us from the room.
 */
export function sendGrab(bagId: number): GrabAttempt {
  const current = playingView();
  const bags = current?.view.bags;
  const station = current?.self ? bags?.stations[current.self.station] : undefined;
  const bag = liveBags.get(bagId);
  const now = performance.now();
  if (!current || !bags || station === undefined || current.view.phase !== 'playing') return 'notNow';
  if (bag?.takenBy !== '') return 'gone';
  if (grabbedBags.has(bagId)) return 'already';
  if (now - lastGrabAt < GRAB_INTERVAL_MS) return 'notNow';
  const t = Math.floor(gameClock.now(now));
  const check = checkGrab(bag.spawnAt, t, station, bags);
  if (check !== 'inReach') return check;
  const payload = { bagId, t };
  if (!BagGrab.safeParse(payload).success) return 'notNow';
  lastGrabAt = now;
  grabbedBags.add(bagId);
  current.room.send('grab', payload);
  return 'sent';
}

/** Forgets what was sent in the last room. */
export function resetGameInputs(): void {
  lastReadyAt = Number.NEGATIVE_INFINITY;
  lastGrabAt = Number.NEGATIVE_INFINITY;
  thrownKey = '';
}
