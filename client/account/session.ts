import type { SessionResponse } from '../../shared/protocol/http.ts';
import type { SiweSessionResponse } from '../../shared/protocol/siwe.ts';
import { errorCodeOf } from '../core/errorCodes.ts';
import { ApiError } from '../core/http.ts';
import { useLayoverStore } from '../core/store.ts';
import { forgetLocalKey, rememberLocalKey } from '../wallet/localKey.ts';
import { revokeSession, signInAsGuest, signInWithTestWallet } from './net/memberApi.ts';

/** Joins the lounge with a session from any sign-in (guest, test wallet, SIWE). The room code loads on demand. */
export async function enterWithSession(session: SessionResponse): Promise<void> {
  useLayoverStore.getState().startJoining(session.token, session.member);
  const { connect } = await import('../lounge/loungeRoom.ts');
  await connect(session.token);
}

async function signInThenEnter(signIn: () => Promise<SessionResponse>): Promise<void> {
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
    const { privateKey, address, token, member } = await signInWithTestWallet(name);
    rememberLocalKey(address, privateKey);
    return { token, member };
  });
}

/** Leaves the room, revokes the session and returns to the entry screen. */
export async function leaveAndSignOut(): Promise<void> {
  const { token } = useLayoverStore.getState();
  const { leaveLounge } = await import('../lounge/loungeRoom.ts');
  await leaveLounge();
  revokeSession(token);
  forgetLocalKey();
  useLayoverStore.getState().signOut();
}

/** A guest signed in with a wallet from inside the lounge: a new session, the same room and member record. */
export async function continueWithWallet(session: SiweSessionResponse): Promise<void> {
  const store = useLayoverStore.getState();
  const guestToken = store.token;
  store.replaceSession(session.token, session.member);
  const { reseat } = await import('../lounge/loungeRoom.ts');
  await reseat(session.token);
  // The guest session has served its purpose: the member now signs in with the wallet.
  if (guestToken !== session.token) revokeSession(guestToken);
  store.setWalletLinkOpen(false);
  store.pushToast({ kind: 'status', key: session.linked ? 'wallet.linked' : 'wallet.signedIn' });
}

/** Dev chain only: a guest takes a funded test wallet without leaving; held rewards are minted to it. */
export async function linkTestWallet(): Promise<void> {
  const { token, member } = useLayoverStore.getState();
  if (!token || !member) throw new ApiError('unauthorized', 401);
  const linked = await signInWithTestWallet(member.name, token);
  rememberLocalKey(linked.address, linked.privateKey);
  await continueWithWallet({
    token: linked.token,
    member: linked.member,
    linked: linked.member.id === member.id,
  });
}
