import { create, type StateCreator } from 'zustand';
import type { ChatLine } from '../shared/protocol/lounge-messages.ts';
import type { ErrorCode } from './errorCodes.ts';
import { initialLocale, saveLocale } from './i18n/detect.ts';
import type { MessageKey } from './i18n/en.ts';
import type { Locale, TranslationVars } from './i18n/translate.ts';

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
  enterLounge: (selfId: string) => void;
  failSession: (code: ErrorCode) => void;
  setReconnecting: (reconnecting: boolean) => void;
  signOut: () => void;
}

/** What React lists about a member: changes on join, leave, rename or tier, never per frame. */
export interface LoungeMember {
  sessionId: string;
  id: string;
  name: string;
  tier: string;
}

interface LoungeSlice {
  members: LoungeMember[];
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

interface UiSlice {
  locale: Locale;
  reducedMotion: boolean;
  chatOpen: boolean;
  toasts: Toast[];
  setLocale: (locale: Locale) => void;
  setReducedMotion: (reducedMotion: boolean) => void;
  setChatOpen: (chatOpen: boolean) => void;
  pushToast: (toast: Omit<Toast, 'id'>) => number;
  dismissToast: (id: number) => void;
}

export type LayoverState = SessionSlice & LoungeSlice & ChatSlice & UiSlice;
type Slice<T> = StateCreator<LayoverState, [], [], T>;

const createSessionSlice: Slice<SessionSlice> = (set) => ({
  token: null,
  member: null,
  status: 'signedOut',
  errorCode: null,
  selfId: null,
  reconnecting: false,
  beginSignIn: () => set({ status: 'joining', errorCode: null }),
  startJoining: (token, member) => set({ token, member, status: 'joining', errorCode: null }),
  enterLounge: (selfId) => set({ selfId, status: 'inLounge', reconnecting: false }),
  failSession: (errorCode) =>
    set({ status: 'error', errorCode, token: null, selfId: null, reconnecting: false, members: [] }),
  setReconnecting: (reconnecting) => set({ reconnecting }),
  signOut: () =>
    set({ status: 'signedOut', token: null, member: null, selfId: null, members: [], chatLines: [] }),
});

const createLoungeSlice: Slice<LoungeSlice> = (set) => ({
  members: [],
  upsertMember: (member) =>
    set((state) => {
      const index = state.members.findIndex((m) => m.sessionId === member.sessionId);
      if (index === -1) return { members: [...state.members, member] };
      const current = state.members[index];
      if (
        current &&
        current.name === member.name &&
        current.tier === member.tier &&
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
  clearMembers: () => set({ members: [] }),
});

const createChatSlice: Slice<ChatSlice> = (set) => ({
  chatLines: [],
  addChatLine: (line) => set((state) => ({ chatLines: [...state.chatLines, line].slice(-CHAT_HISTORY) })),
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
  toasts: [],
  setLocale: (locale) => {
    saveLocale(locale);
    set({ locale });
  },
  setReducedMotion: (reducedMotion) => set({ reducedMotion }),
  setChatOpen: (chatOpen) => set({ chatOpen }),
  pushToast: (toast) => {
    const id = nextToastId++;
    set((state) => ({ toasts: [...state.toasts, { ...toast, id }].slice(-4) }));
    return id;
  },
  dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
});

/** The one client store: session, lounge roster, chat and UI preferences. */
export const useLayoverStore = create<LayoverState>()((...args) => ({
  ...createSessionSlice(...args),
  ...createLoungeSlice(...args),
  ...createChatSlice(...args),
  ...createUiSlice(...args),
}));
