import type { ErrorCode } from '../core/errorCodes.ts';
import { type JoinableRoom, MAIN_ROOM } from '../core/roomNames.ts';
import type { Slice, StoreReset } from '../core/slice.ts';
import type { RoomSlice } from '../lounge/roomSlice.ts';

export interface SessionMember {
  id: string;
  name: string;
  address: string | null;
}

export type SessionStatus = 'signedOut' | 'joining' | 'inLounge' | 'error';

/** Who we are signed in as and how far the way into the lounge went. */
export interface SessionSlice {
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
  /** The session ended against our will: everything member-bound is cleared and the entry screen says why. */
  failSession: (code: ErrorCode) => void;
  setReconnecting: (reconnecting: boolean) => void;
  signOut: () => void;
  /** The member erased their data and was signed out; the entry screen says so until the next sign-in. */
  erasure: { inFlight: number; cancelled: number } | null;
  noteErasure: (erasure: { inFlight: number; cancelled: number }) => void;
}

/** Signed out, no error: the entry screen. */
export const sessionInitialState = {
  token: null,
  member: null,
  status: 'signedOut',
  errorCode: null,
  selfId: null,
  reconnecting: false,
  erasure: null,
} satisfies Partial<SessionSlice>;

/** Signing out forgets the member; a note about an erasure stays for the entry screen. */
export const sessionReset: Partial<SessionSlice> = {
  token: null,
  member: null,
  status: 'signedOut',
  errorCode: null,
  selfId: null,
  reconnecting: false,
};

type SessionDeps = Pick<RoomSlice, 'room' | 'switchingRoom' | 'vipAccess' | 'gateRefusal'> & StoreReset;

export const createSessionSlice: Slice<SessionSlice, SessionDeps> = (set, get) => ({
  ...sessionInitialState,
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
  failSession: (errorCode) => {
    get().resetAll();
    set({ status: 'error', errorCode });
  },
  setReconnecting: (reconnecting) => set({ reconnecting }),
  signOut: () => get().resetAll(),
  noteErasure: (erasure) => set({ erasure }),
});
