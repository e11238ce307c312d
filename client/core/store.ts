import { create, type StateCreator } from 'zustand';
import type { GameId } from '../../shared/content/games.ts';
import type { LeaderboardResponse, RoundResult, TriviaQuestionView } from '../../shared/protocol/games.ts';
import type { ChatLine } from '../../shared/protocol/lounge-messages.ts';
import type { DeliveryUpdate, PrizeView, QuestsSnapshot } from '../../shared/protocol/quests.ts';
import type { GameErrorCode } from '../arcade/gameErrors.ts';
import type { GameFeedback, GameView, LeaderboardKey, TriviaPick } from '../arcade/gameView.ts';
import { createEventSlice, type EventSlice, noHall } from '../hall/eventSlice.ts';
import { initialLocale, saveLocale } from '../i18n/detect.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { Locale, TranslationVars } from '../i18n/translate.ts';
import { applyDelivery, applyPrizeWon } from '../passport/deliveryUpdates.ts';
import type { ErrorCode } from './errorCodes.ts';
import { type GatedRoom, type JoinableRoom, MAIN_ROOM } from './roomNames.ts';

export const CHAT_HISTORY = 50;

export interface SessionMember {
  id: string;
  name: string;
  address: string | null;
}

export type SessionStatus = 'signedOut' | 'joining' | 'inLounge' | 'error';

interface SessionSlice {
  token: string | null;
  member: SessionMember | null;
  status: SessionStatus;
  errorCode: ErrorCode | null;
  /** Our key in the room's members map (Colyseus sessionId). */
  selfId: string | null;
  reconnecting: boolean;
  beginSignIn: () => void;
  startJoining: (token: string, member: SessionMember) => void;
  /** A new token for the same seat (a guest who linked a wallet); the lounge stays on screen. */
  replaceSession: (token: string, member: SessionMember) => void;
  enterLounge: (selfId: string, room?: JoinableRoom) => void;
  failSession: (code: ErrorCode) => void;
  setReconnecting: (reconnecting: boolean) => void;
  signOut: () => void;
  /** The member erased their data and was signed out; the entry screen says so until the next sign-in. */
  erasure: { inFlight: number; cancelled: number } | null;
  noteErasure: (erasure: { inFlight: number; cancelled: number }) => void;
}

/** What React lists about a member: changes on join, leave, rename, tier or status, never per frame. */
export interface LoungeMember {
  sessionId: string;
  id: string;
  name: string;
  tier: string;
  /** Status level id from stamps (shared/content/status.ts); absent until the room state says. */
  status?: string;
}

/** Why a gated room turned us away at the door. */
export interface GateRefusal {
  room: GatedRoom;
  code: 'gateDenied' | 'passInUse';
}

interface RoomSlice {
  /** The room we are seated in; null while signed out or on the way back from a room that removed us. */
  room: JoinableRoom | null;
  /** True while moving between rooms. */
  switchingRoom: boolean;
  gateRefusal: GateRefusal | null;
  /** Our last VIP join succeeded: the VIP door is drawn open. */
  vipAccess: boolean;
  /** The wallet panel over the lounge (guests linking a wallet). */
  walletLinkOpen: boolean;
  beginRoomSwitch: () => void;
  endRoomSwitch: () => void;
  refuseGate: (refusal: GateRefusal) => void;
  dismissGateRefusal: () => void;
  loseGate: () => void;
  setWalletLinkOpen: (open: boolean) => void;
}

interface LoungeSlice {
  /** The avatars this client receives: itself and the nearest others (the server's interest management). */
  members: LoungeMember[];
  /** Everyone in the room, seen or not. */
  population: number;
  setPopulation: (population: number) => void;
  upsertMember: (member: LoungeMember) => void;
  removeMember: (sessionId: string) => void;
  clearMembers: () => void;
}

interface ChatSlice {
  chatLines: ChatLine[];
  addChatLine: (line: ChatLine) => void;
}

export interface Toast {
  id: number;
  kind: 'status' | 'alert';
  key: MessageKey;
  vars?: TranslationVars;
}

/** The member's journeys and passport as the server last sent them (`quests` message). */
interface QuestsSlice {
  passport: QuestsSnapshot | null;
  /** The stamp whose celebration is showing, with a count so the same stamp can celebrate twice. */
  celebration: { stampId: string; seq: number } | null;
  setPassport: (passport: QuestsSnapshot | null) => void;
  /** A prize just won (`prizeWon`); before the first snapshot it is left out, as that snapshot lists it. */
  addPrize: (prize: PrizeView) => void;
  /** A stamp token or prize moved on its way to the wallet (`delivery`). */
  applyDelivery: (update: DeliveryUpdate) => void;
  celebrateStamp: (stampId: string) => void;
  endCelebration: () => void;
}

/** The journal, the passport or the member's data, open over the lounge; one at a time. */
export type QuestPanel = 'journal' | 'passport' | 'account';

interface UiSlice {
  locale: Locale;
  reducedMotion: boolean;
  chatOpen: boolean;
  questPanel: QuestPanel | null;
  toasts: Toast[];
  setLocale: (locale: Locale) => void;
  setReducedMotion: (reducedMotion: boolean) => void;
  setChatOpen: (chatOpen: boolean) => void;
  setQuestPanel: (questPanel: QuestPanel | null) => void;
  pushToast: (toast: Omit<Toast, 'id'>) => number;
  dismissToast: (id: number) => void;
}

/** Where our seat at a game cabinet stands; the lounge seat stays while we play. */
export type GameConnection = 'joining' | 'joined' | 'reconnecting';

/** The arcade: its menu, the game room we sit in (beside the lounge seat) and what its views draw. */
interface GamesSlice {
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
  setLeaderboard: (key: LeaderboardKey, board: LeaderboardResponse | 'error') => void;
  /** The game room is gone (left, closed or refused); `error` says why when it was not our choice. */
  endGame: (error?: GameErrorCode | null) => void;
  setGamesMuted: (muted: boolean) => void;
}

export type LayoverState = SessionSlice &
  RoomSlice &
  LoungeSlice &
  ChatSlice &
  QuestsSlice &
  UiSlice &
  GamesSlice &
  EventSlice;
type Slice<T> = StateCreator<LayoverState, [], [], T>;

const createSessionSlice: Slice<SessionSlice> = (set) => ({
  token: null,
  member: null,
  status: 'signedOut',
  errorCode: null,
  selfId: null,
  reconnecting: false,
  beginSignIn: () => set({ status: 'joining', errorCode: null }),
  startJoining: (token, member) =>
    set({
      token,
      member,
      status: 'joining',
      errorCode: null,
      vipAccess: false,
      gateRefusal: null,
      erasure: null,
    }),
  replaceSession: (token, member) => set({ token, member }),
  enterLounge: (selfId, room = MAIN_ROOM) =>
    set((state) => ({
      selfId,
      room,
      status: 'inLounge',
      reconnecting: false,
      switchingRoom: false,
      vipAccess: room === 'vip' ? true : state.vipAccess,
    })),
  failSession: (errorCode) =>
    set({
      status: 'error',
      errorCode,
      token: null,
      selfId: null,
      room: null,
      switchingRoom: false,
      walletLinkOpen: false,
      reconnecting: false,
      members: [],
      passport: null,
      questPanel: null,
      ...noHall,
    }),
  setReconnecting: (reconnecting) => set({ reconnecting }),
  signOut: () =>
    set({
      status: 'signedOut',
      token: null,
      member: null,
      selfId: null,
      room: null,
      switchingRoom: false,
      gateRefusal: null,
      vipAccess: false,
      walletLinkOpen: false,
      members: [],
      chatLines: [],
      passport: null,
      celebration: null,
      questPanel: null,
      ...noHall,
    }),
  erasure: null,
  noteErasure: (erasure) => set({ erasure }),
});

const createRoomSlice: Slice<RoomSlice> = (set) => ({
  room: null,
  switchingRoom: false,
  gateRefusal: null,
  vipAccess: false,
  walletLinkOpen: false,
  beginRoomSwitch: () => set({ switchingRoom: true, gateRefusal: null }),
  endRoomSwitch: () => set({ switchingRoom: false }),
  refuseGate: (gateRefusal) =>
    set((state) => ({
      gateRefusal,
      switchingRoom: false,
      vipAccess: gateRefusal.room === 'vip' ? false : state.vipAccess,
    })),
  dismissGateRefusal: () => set({ gateRefusal: null }),
  loseGate: () => set({ room: null, vipAccess: false, gateRefusal: null }),
  setWalletLinkOpen: (walletLinkOpen) => set({ walletLinkOpen }),
});

const createLoungeSlice: Slice<LoungeSlice> = (set) => ({
  members: [],
  population: 0,
  setPopulation: (population) => set({ population }),
  upsertMember: (member) =>
    set((state) => {
      const index = state.members.findIndex((m) => m.sessionId === member.sessionId);
      if (index === -1) return { members: [...state.members, member] };
      const current = state.members[index];
      if (
        current &&
        current.name === member.name &&
        current.tier === member.tier &&
        current.status === member.status &&
        current.id === member.id
      ) {
        return state;
      }
      const members = state.members.slice();
      members[index] = member;
      return { members };
    }),
  removeMember: (sessionId) =>
    set((state) => ({ members: state.members.filter((m) => m.sessionId !== sessionId) })),
  clearMembers: () => set({ members: [], population: 0 }),
});

const createChatSlice: Slice<ChatSlice> = (set) => ({
  chatLines: [],
  addChatLine: (line) => set((state) => ({ chatLines: [...state.chatLines, line].slice(-CHAT_HISTORY) })),
});

let celebrationSeq = 0;

const createQuestsSlice: Slice<QuestsSlice> = (set) => ({
  passport: null,
  celebration: null,
  setPassport: (passport) => set({ passport }),
  addPrize: (prize) =>
    set((state) => (state.passport ? { passport: applyPrizeWon(state.passport, prize) } : state)),
  applyDelivery: (update) =>
    set((state) =>
      state.passport ? { passport: applyDelivery(state.passport, update, Date.now()) } : state,
    ),
  celebrateStamp: (stampId) => set({ celebration: { stampId, seq: ++celebrationSeq } }),
  endCelebration: () => set({ celebration: null }),
});

let nextToastId = 1;

/** On phones the chat starts folded so the lounge is visible; one tap opens it. */
function wideScreen(): boolean {
  return !(globalThis.matchMedia?.('(max-width: 720px)').matches ?? false);
}

function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

const createUiSlice: Slice<UiSlice> = (set) => ({
  locale: initialLocale(),
  reducedMotion: prefersReducedMotion(),
  chatOpen: wideScreen(),
  questPanel: null,
  toasts: [],
  setLocale: (locale) => {
    saveLocale(locale);
    set({ locale });
  },
  setReducedMotion: (reducedMotion) => set({ reducedMotion }),
  setChatOpen: (chatOpen) => set({ chatOpen }),
  setQuestPanel: (questPanel) => set({ questPanel }),
  pushToast: (toast) => {
    const id = nextToastId++;
    set((state) => ({ toasts: [...state.toasts, { ...toast, id }].slice(-4) }));
    return id;
  },
  dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
});

const MUTED_KEY = 'layover.gamesMuted';

function savedMuted(): boolean {
  try {
    return globalThis.localStorage?.getItem(MUTED_KEY) === '1';
  } catch {
    return false;
  }
}

let gameFeedbackSeq = 0;

/** What a fresh game seat starts from (and what leaving one clears). */
const noGame = {
  game: null,
  gameView: null,
  triviaQuestion: null,
  triviaPick: null,
  gameFeedback: null,
  roundResult: null,
  resultsOpen: false,
} as const;

const createGamesSlice: Slice<GamesSlice> = (set) => ({
  ...noGame,
  arcadeMenu: null,
  gameError: null,
  leaderboards: {},
  gamesMuted: savedMuted(),
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

/** The one client store: session, current room and gates, lounge roster, chat and UI preferences. */
export const useLayoverStore = create<LayoverState>()((...args) => ({
  ...createSessionSlice(...args),
  ...createRoomSlice(...args),
  ...createLoungeSlice(...args),
  ...createChatSlice(...args),
  ...createQuestsSlice(...args),
  ...createUiSlice(...args),
  ...createGamesSlice(...args),
  ...createEventSlice(...args),
}));
