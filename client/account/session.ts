import type {
  EmailStartBody,
  SessionKindName,
  SignedIn,
  SignInResult,
} from '../../shared/protocol/sign-in.ts';
import { errorCodeOf } from '../core/errorCodes.ts';
import { ApiError } from '../core/http.ts';
import { useLayoverStore } from '../core/store.ts';
import { forgetLocalKey, rememberLocalKey } from '../wallet/localKey.ts';
import {
  acceptMerge,
  refreshSession,
  revokeSession,
  signInAsGuest,
  signInWithTestWallet,
  startEmailSignIn,
  verifyEmailSignIn,
} from './net/memberApi.ts';
import type { SessionMemberInput } from './sessionSlice.ts';
import {
  bootError,
  REFRESH_RETRY_MS,
  RETURN_PARAMS,
  type ReturnParams,
  readReturnParams,
  refreshDelay,
  refreshFailure,
  refreshOnReturn,
  signInAction,
} from './signIn/sessionPlan.ts';

/**
 * The member's session in this tab. Every sign-in answers a short-lived access token (with its expiry) while the
 * server keeps the browser signed in through an HttpOnly refresh cookie: a reload asks POST /auth/refresh and, when
 * the cookie is still good, enters the lounge as the same member without the entry form. While the member stays, the
 * token is renewed a minute before it expires (and when the tab comes back after sleeping); the room connection is
 * untouched. A refresh the server refuses ends the session with the reason the entry screen explains.
 */

/** A session as any sign-in answers it: SignedIn, or the older guest/test-wallet/SIWE shapes without an expiry. */
export interface SessionAnswer {
  token: string;
  member: SessionMemberInput;
  expiresAt?: number;
  kind?: SessionKindName;
}

const metaOf = (session: SessionAnswer) => ({
  expiresAt: session.expiresAt ?? null,
  kind: session.kind ?? null,
});

// --- keeping the access token fresh ---------------------------------------------------------------------------

let refreshTimer: ReturnType<typeof setTimeout> | null = null;
let refreshing: Promise<void> | null = null;
let watchingVisibility = false;

function stopRefreshTimer(): void {
  if (refreshTimer !== null) clearTimeout(refreshTimer);
  refreshTimer = null;
}

/** Plans the next refresh: a minute before `expiresAt`, or after `delayMs` when given (a retry). */
function planRefresh(expiresAt: number | null, delayMs?: number): void {
  stopRefreshTimer();
  if (expiresAt === null && delayMs === undefined) return;
  const delay = delayMs ?? refreshDelay(expiresAt as number, Date.now());
  refreshTimer = setTimeout(() => void refreshNow(), delay);
}

/** Ends the session in use with a reason the entry screen shows (signed out elsewhere, or a reused cookie). */
async function endSession(code: 'sessionEnded' | 'sessionReused'): Promise<void> {
  stopRefreshTimer();
  const { leaveLounge } = await import('../lounge/loungeRoom.ts');
  await leaveLounge();
  forgetLocalKey();
  useLayoverStore.getState().failSession(code);
}

/**
 * Renews the access token now (one call at a time). The same member: the new token replaces the old, the seat stays.
 * Another member (this browser signed in as someone else in another tab): the seat is taken again as them.
 */
export function refreshNow(): Promise<void> {
  refreshing ??= (async () => {
    const before = useLayoverStore.getState();
    if (!before.token || !before.member) return;
    try {
      const session = await refreshSession();
      const store = useLayoverStore.getState();
      // Signed out (or into someone else) while the call was out: that newer state wins.
      if (store.token !== before.token) return;
      if (session.member.id === before.member.id) {
        store.replaceSession(session.token, session.member, metaOf(session));
        planRefresh(session.expiresAt);
      } else await switchToMember(session);
    } catch (error) {
      const failure = refreshFailure(error);
      if (useLayoverStore.getState().token !== before.token) return;
      if (failure.outcome === 'ended') await endSession(failure.code);
      else {
        console.warn('Layover: refreshing the session failed; trying again', error);
        planRefresh(null, REFRESH_RETRY_MS);
      }
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Background tabs throttle timers: coming back into view, a token that is (nearly) dead is renewed at once. */
function watchVisibility(): void {
  if (watchingVisibility || typeof document === 'undefined') return;
  watchingVisibility = true;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return;
    const { token, expiresAt } = useLayoverStore.getState();
    if (token && refreshOnReturn(expiresAt, Date.now())) void refreshNow();
  });
}

// --- signing in ----------------------------------------------------------------------------------------------

/** Joins the lounge with a session from any sign-in (guest, test wallet, SIWE, email, passkey, brand, a reload). */
export async function enterWithSession(session: SessionAnswer): Promise<void> {
  useLayoverStore.getState().startJoining(session.token, session.member, metaOf(session));
  planRefresh(session.expiresAt ?? null);
  watchVisibility();
  const { connect } = await import('../lounge/loungeRoom.ts');
  await connect(session.token);
}

async function signInThenEnter(signIn: () => Promise<SessionAnswer>): Promise<void> {
  const store = useLayoverStore.getState();
  store.beginSignIn();
  forgetLocalKey();
  try {
    await enterWithSession(await signIn());
  } catch (error) {
    console.warn('Layover: sign-in failed', error);
    store.failSession(errorCodeOf(error, 'network'));
  }
}

export function enterAsGuest(name: string): Promise<void> {
  return signInThenEnter(() => signInAsGuest(name));
}

/** Dev chain only: the server mints a funded account; its key stays in this tab's memory to sign prize moves. */
export function enterWithTestWallet(name: string): Promise<void> {
  return signInThenEnter(async () => {
    const { privateKey, address, ...session } = await signInWithTestWallet(name);
    rememberLocalKey(address, privateKey);
    return session;
  });
}

/**
 * Another member takes this tab's seat (a merge accepted, a wallet that already had a member): the new token and
 * member, then the same room again as them. The old session is not revoked from here: logging it out would clear the
 * browser's refresh cookie, which now belongs to the new session.
 */
async function switchToMember(session: SessionAnswer): Promise<void> {
  const store = useLayoverStore.getState();
  store.replaceSession(session.token, session.member, metaOf(session));
  planRefresh(session.expiresAt ?? null);
  const { reseat } = await import('../lounge/loungeRoom.ts');
  await reseat(session.token);
}

/**
 * What every sign-in answer goes through (email code, passkey, the brand's return, and the account panel's "Add
 * email" / "Add passkey"): nobody signed in -> enter the lounge; the same member -> keep the seat with the new token
 * (`linked`); another member -> take the seat as them; a merge offer while a guest is signed in -> the "continue as
 * <name>?" dialog (client/account/signIn/MergeOffer.tsx, mounted by App). Resolves with what it did.
 */
export async function handleSignInResult(result: SignInResult): Promise<ReturnType<typeof signInAction>> {
  const store = useLayoverStore.getState();
  const action = signInAction(result, store.token ? (store.member?.id ?? null) : null);
  if (result.status === 'mergeOffer') {
    if (action === 'offer') store.setMergeOffer({ ticket: result.ticket, name: result.member.name });
    return action;
  }
  if (action === 'enter') {
    forgetLocalKey();
    store.beginSignIn();
    await enterWithSession(result);
  } else if (action === 'replace') {
    store.replaceSession(result.token, result.member, metaOf(result));
    planRefresh(result.expiresAt);
  } else await switchToMember(result);
  return action;
}

/**
 * "Continue as <name>": the guest's stamps, points and prizes move into that member (POST /auth/merge with the
 * guest's token), and this tab takes the same seat as them. A refused offer (expired, used) is shown as a notice.
 */
export async function acceptMergeOffer(): Promise<void> {
  const store = useLayoverStore.getState();
  const offer = store.mergeOffer;
  if (!offer || !store.token) return;
  try {
    const session = await acceptMerge(offer.ticket, store.token);
    useLayoverStore.getState().setMergeOffer(null);
    forgetLocalKey();
    await switchToMember(session);
    useLayoverStore
      .getState()
      .pushToast({ kind: 'status', key: 'signIn.merge.done', vars: { name: offer.name } });
  } catch (error) {
    console.warn('Layover: merging into that member failed', error);
    useLayoverStore.getState().setMergeOffer(null);
    useLayoverStore
      .getState()
      .pushToast({ kind: 'alert', key: `error.${errorCodeOf(error, 'mergeExpired')}` });
  }
}

/** "Stay as a guest": nothing is bound or moved; the offer is forgotten. */
export function declineMergeOffer(): void {
  useLayoverStore.getState().setMergeOffer(null);
}

// --- the page loading --------------------------------------------------------------------------------------------

/** Takes the brand login's parameters out of the address bar, so a reload or a shared link does not replay them. */
function stripReturnParams(params: ReturnParams): void {
  const { pathname, hash } = globalThis.location;
  globalThis.history.replaceState(globalThis.history.state, '', `${pathname}${params.search}${hash}`);
}

/**
 * Runs once as the page loads, before the entry form shows: a live refresh cookie enters the lounge as the same
 * member (same passport, same seat); none shows the entry screen (quietly on a first visit, with the reason for a
 * reused cookie or a failed brand login). A brand login that found another member's account offers the merge.
 */
export async function restoreSession(): Promise<void> {
  const params = readReturnParams(globalThis.location.search);
  const search = new URLSearchParams(globalThis.location.search);
  if (RETURN_PARAMS.some((key) => search.has(key))) stripReturnParams(params);
  const store = useLayoverStore.getState();
  store.beginRestore();
  let session: SignedIn;
  try {
    session = await refreshSession();
  } catch (error) {
    if (useLayoverStore.getState().status !== 'restoring') return;
    const shown = params.error ?? bootError(error);
    if (shown) useLayoverStore.getState().failSession(shown);
    else useLayoverStore.getState().endRestore();
    return;
  }
  // The member pressed a button while the answer was out: their choice wins.
  if (useLayoverStore.getState().status !== 'restoring') return;
  store.beginSignIn();
  await enterWithSession(session);
  const after = useLayoverStore.getState();
  if (after.status !== 'inLounge') return;
  if (params.error) after.pushToast({ kind: 'alert', key: `error.${params.error}` });
  if (params.merge && !session.member.lasting) after.setMergeOffer(params.merge);
}

// --- leaving -----------------------------------------------------------------------------------------------------

/** Leaves the room, ends this browser's session on the server (cookie cleared) and returns to the entry screen. */
export async function leaveAndSignOut(): Promise<void> {
  const { token, expiresAt } = useLayoverStore.getState();
  stopRefreshTimer();
  const { leaveLounge } = await import('../lounge/loungeRoom.ts');
  await leaveLounge();
  // The logout route needs a live token to end the browser session: a tab that slept past expiry renews it first.
  const live =
    token && expiresAt !== null && expiresAt <= Date.now()
      ? await refreshSession().then(
          (session) => session.token,
          () => token,
        )
      : token;
  // Awaited: a reload right after signing out must not find the cookie still alive.
  await revokeSession(live);
  forgetLocalKey();
  useLayoverStore.getState().signOut();
}

/** A guest signed in with a wallet from inside the lounge: a new session, the same room and member record. */
export async function continueWithWallet(session: SessionAnswer & { linked: boolean }): Promise<void> {
  const store = useLayoverStore.getState();
  store.replaceSession(session.token, session.member, metaOf(session));
  planRefresh(session.expiresAt ?? null);
  const { reseat } = await import('../lounge/loungeRoom.ts');
  await reseat(session.token);
  store.setWalletLinkOpen(false);
  store.pushToast({ kind: 'status', key: session.linked ? 'wallet.linked' : 'wallet.signedIn' });
}

/** Dev chain only: a guest takes a funded test wallet without leaving; held rewards are minted to it. */
export async function linkTestWallet(): Promise<void> {
  const { token, member } = useLayoverStore.getState();
  if (!token || !member) throw new ApiError('unauthorized', 401);
  const linked = await signInWithTestWallet(member.name, token);
  rememberLocalKey(linked.address, linked.privateKey);
  const { privateKey: _key, address: _address, passTokenId: _pass, ...session } = linked;
  await continueWithWallet({ ...session, linked: linked.member.id === member.id });
}

/**
 * A fresh sign-in by emailed code, for an action that asks for one (moving a prize the brand keeps for the member):
 * the code is checked without the current session, so the server opens a new browser session signed in now.
 */
export function sendFreshSignInCode(email: string, locale: EmailStartBody['locale']): Promise<void> {
  return startEmailSignIn({ email, locale });
}

/** Checks the code of `sendFreshSignInCode` and takes the new session in. */
export async function confirmFreshSignInCode(email: string, code: string): Promise<void> {
  await handleSignInResult(await verifyEmailSignIn({ email, code }, null));
}
