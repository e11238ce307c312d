import type { GameId } from '../../shared/content/games.ts';
import type { LeaderboardResponse, RoundResult, TriviaQuestionView } from '../../shared/protocol/games.ts';
import type { Slice } from '../core/slice.ts';
import type { GameErrorCode } from './gameErrors.ts';
import type { GameFeedback, GameView, LeaderboardKey, TriviaPick } from './gameView.ts';

/** Where our seat at a game cabinet stands; the lounge seat stays while we play. */
export type GameConnection = 'joining' | 'joined' | 'reconnecting';

/** The arcade: its menu, the game room we sit in (beside the lounge seat) and what its views draw. */
export interface GameSlice {
  /** The arcade menu is open, with this game's button focused (and `gameError` shown in it, if any). */
  arcadeMenu: GameId | null;
  game: { id: GameId; connection: GameConnection; selfId: string | null } | null;
  gameView: GameView | null;
  /** Why the last game could not be joined; shown in the arcade menu until it closes. */
  gameError: GameErrorCode | null;
  triviaQuestion: TriviaQuestionView | null;
  triviaPick: TriviaPick | null;
  gameFeedback: GameFeedback | null;
  /** Our outcome of the last round (`roundResult`), kept on screen until the member plays again or leaves. */
  roundResult: RoundResult | null;
  /** The results screen shows (from the round's end until "Play again"). */
  resultsOpen: boolean;
  /** "Play again" was pressed before the next lobby opened: we ready ourselves as soon as it does. */
  playAgainQueued: boolean;
  leaderboards: Partial<Record<LeaderboardKey, LeaderboardResponse | 'error'>>;
  gamesMuted: boolean;
  openArcadeMenu: (focus: GameId) => void;
  closeArcadeMenu: () => void;
  beginGame: (id: GameId) => void;
  gameJoined: (selfId: string) => void;
  setGameConnection: (connection: GameConnection) => void;
  setGameView: (view: GameView) => void;
  setTriviaQuestion: (question: TriviaQuestionView | null) => void;
  setTriviaPick: (pick: TriviaPick | null) => void;
  pushGameFeedback: (feedback: Omit<GameFeedback, 'seq'>) => void;
  setRoundResult: (result: RoundResult | null) => void;
  setResultsOpen: (open: boolean) => void;
  setPlayAgainQueued: (queued: boolean) => void;
  setLeaderboard: (key: LeaderboardKey, board: LeaderboardResponse | 'error') => void;
  /** The game room is gone (left, closed or refused); `error` says why when it was not our choice. */
  endGame: (error?: GameErrorCode | null) => void;
  setGamesMuted: (muted: boolean) => void;
}

const MUTED_KEY = 'layover.gamesMuted';

function savedMuted(): boolean {
  try {
    return globalThis.localStorage?.getItem(MUTED_KEY) === '1';
  } catch {
    return false;
  }
}

/** What a fresh game seat starts from (and what leaving one clears). */
const noGame = {
  game: null,
  gameView: null,
  triviaQuestion: null,
  triviaPick: null,
  gameFeedback: null,
  roundResult: null,
  resultsOpen: false,
  playAgainQueued: false,
} as const;

/** No game, menu closed, boards unread; the mute choice comes from the browser. */
export function gameInitialState() {
  return { ...noGame, arcadeMenu: null, gameError: null, leaderboards: {}, gamesMuted: savedMuted() };
}

/**
 * Signing out closes the menu; the game seat is left by the arcade's own watch on the lounge seat
 * (net/games.ts), which needs `game` still set to see it; the mute choice and read boards stay.
 */
export const gameReset: Partial<GameSlice> = { arcadeMenu: null };

let gameFeedbackSeq = 0;

export const createGameSlice: Slice<GameSlice> = (set) => ({
  ...gameInitialState(),
  openArcadeMenu: (arcadeMenu) => set({ arcadeMenu }),
  closeArcadeMenu: () => set({ arcadeMenu: null, gameError: null }),
  beginGame: (id) =>
    set({ ...noGame, game: { id, connection: 'joining', selfId: null }, arcadeMenu: null, gameError: null }),
  gameJoined: (selfId) =>
    set((state) => (state.game ? { game: { ...state.game, connection: 'joined', selfId } } : state)),
  setGameConnection: (connection) =>
    set((state) => (state.game ? { game: { ...state.game, connection } } : state)),
  setGameView: (gameView) => set({ gameView }),
  setTriviaQuestion: (triviaQuestion) => set({ triviaQuestion }),
  setTriviaPick: (triviaPick) => set({ triviaPick }),
  pushGameFeedback: (feedback) => set({ gameFeedback: { ...feedback, seq: ++gameFeedbackSeq } }),
  setRoundResult: (roundResult) => set({ roundResult }),
  setResultsOpen: (resultsOpen) => set({ resultsOpen }),
  setPlayAgainQueued: (playAgainQueued) => set({ playAgainQueued }),
  setLeaderboard: (key, board) => set((state) => ({ leaderboards: { ...state.leaderboards, [key]: board } })),
  endGame: (error = null) => set({ ...noGame, gameError: error }),
  setGamesMuted: (gamesMuted) => {
    try {
      globalThis.localStorage?.setItem(MUTED_KEY, gamesMuted ? '1' : '0');
    } catch {
      // Private mode: the choice lasts for this visit only.
    }
    set({ gamesMuted });
  },
});
