import type { SessionKindName } from '../../shared/protocol/sign-in.ts';
import type { ErrorCode } from '../core/errorCodes.ts';
import { type JoinableRoom, MAIN_ROOM } from '../core/roomNames.ts';
import type { Slice, StoreReset } from '../core/slice.ts';
import type { RoomSlice } from '../lounge/roomSlice.ts';

export interface SessionMember {
  id: string;
  name: string;
  address: string | null;
  /** Has an email, passkey, brand login or wallet: the account survives losing this browser. */
  lasting: boolean;
}

/** A member as a sign-in answers it; older answers (and tests) leave `lasting` out, which reads as false. */
export type SessionMemberInput = Omit<SessionMember, 'lasting'> & { lasting?: boolean };

/** What a sign-in or refresh tells about the session besides its token and member. */
export interface SessionMeta {
  /** Epoch ms when the access token stops working; null when the server did not say (no refresh timer then). */
  expiresAt?: number | null;
  /** How this browser signed in (guest, email, passkey...). */
  kind?: SessionKindName | null;
}

/**
 * `restoring`: the page just loaded and asks the server whether this browser is still signed in (the refresh cookie);
 * the entry screen waits for the answer before it offers the form.
 */
export type SessionStatus = 'restoring' | 'signedOut' | 'joining' | 'inLounge' | 'error';

/** "This sign-in belongs to <name>": an offer to continue as that member, shown while a guest is signed in. */
export interface PendingMergeOffer {
  ticket: string;
  name: string;
}

/** Who we are signed in as and how far the way into the lounge went. */
export interface SessionSlice {
  token: string | null;
  member: SessionMember | null;
  /** When `token` stops working (epoch ms); the session module refreshes it a minute before. */
  expiresAt: number | null;
  /** How this browser signed in; the account panel reads it next to `member.lasting`. */
  sessionKind: SessionKindName | null;
  status: SessionStatus;
  errorCode: ErrorCode | null;
  /** Our key in the room's members map (Colyseus sessionId). */
  selfId: string | null;
  reconnecting: boolean;
  /** An open "continue as <name>?" offer (client/account/signIn/MergeOffer.tsx), or null. */
  mergeOffer: PendingMergeOffer | null;
  beginSignIn: () => void;
  /** The page asks the server for the session it may still have (before the entry form shows). */
  beginRestore: () => void;
  /** The restore found no session: the entry form, with no error. */
  endRestore: () => void;
  startJoining: (token: string, member: SessionMemberInput, meta?: SessionMeta) => void;
  /** A new token for the same seat (a refresh, or a guest who linked a wallet); the lounge stays on screen. */
  replaceSession: (token: string, member: SessionMemberInput, meta?: SessionMeta) => void;
  enterLounge: (selfId: string, room?: JoinableRoom) => void;
  /** The session ended against our will: everything member-bound is cleared and the entry screen says why. */
  failSession: (code: ErrorCode) => void;
  setReconnecting: (reconnecting: boolean) => void;
  signOut: () => void;
  setMergeOffer: (offer: PendingMergeOffer | null) => void;
  /** The member erased their data and was signed out; the entry screen says so until the next sign-in. */
  erasure: { inFlight: number; cancelled: number } | null;
  noteErasure: (erasure: { inFlight: number; cancelled: number }) => void;
}

/** Signed out, no error: the entry screen. */
export const sessionInitialState = {
  token: null,
  member: null,
  expiresAt: null,
  sessionKind: null,
  status: 'signedOut',
  errorCode: null,
  selfId: null,
  reconnecting: false,
  mergeOffer: null,
  erasure: null,
} satisfies Partial<SessionSlice>;

/** Signing out forgets the member; a note about an erasure stays for the entry screen. */
export const sessionReset: Partial<SessionSlice> = {
  token: null,
  member: null,
  expiresAt: null,
  sessionKind: null,
  status: 'signedOut',
  errorCode: null,
  selfId: null,
  reconnecting: false,
  mergeOffer: null,
};

const sessionMember = (member: SessionMemberInput): SessionMember => ({
  id: member.id,
  name: member.name,
  address: member.address,
  lasting: member.lasting === true,
});

/** The meta fields as the store keeps them; a field the answer left out keeps its value on a replace. */
function metaFields(meta: SessionMeta | undefined): Partial<Pick<SessionSlice, 'expiresAt' | 'sessionKind'>> {
  const fields: Partial<Pick<SessionSlice, 'expiresAt' | 'sessionKind'>> = {};
  if (meta?.expiresAt !== undefined) fields.expiresAt = meta.expiresAt;
  if (meta?.kind !== undefined) fields.sessionKind = meta.kind;
  return fields;
}

type SessionDeps = Pick<RoomSlice, 'room' | 'switchingRoom' | 'vipAccess' | 'gateRefusal'> & StoreReset;

export const createSessionSlice: Slice<SessionSlice, SessionDeps> = (set, get) => ({
  ...sessionInitialState,
  beginSignIn: () => set({ status: 'joining', errorCode: null }),
  beginRestore: () => set({ status: 'restoring', errorCode: null }),
  endRestore: () => set((state) => (state.status === 'restoring' ? { status: 'signedOut' } : {})),
  startJoining: (token, member, meta) =>
    set({
      token,
      member: sessionMember(member),
      expiresAt: null,
      sessionKind: null,
      ...metaFields(meta),
      status: 'joining',
      errorCode: null,
      vipAccess: false,
      gateRefusal: null,
      erasure: null,
    }),
  // Another member, wallet or sign-in kind (a wallet linked mid-visit) makes an earlier gate refusal stale.
  replaceSession: (token, member, meta) =>
    set((state) => {
      const next = { token, member: sessionMember(member), ...metaFields(meta) };
      const changed =
        state.member?.id !== next.member.id ||
        state.member.address !== next.member.address ||
        (next.sessionKind !== undefined && next.sessionKind !== state.sessionKind);
      return changed ? { ...next, gateRefusal: null } : next;
    }),
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
  setMergeOffer: (mergeOffer) => set({ mergeOffer }),
  noteErasure: (erasure) => set({ erasure }),
});
