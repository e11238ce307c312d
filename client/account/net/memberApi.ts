import type {
  EraseMeBody,
  EraseMeResponse,
  SessionResponse,
  TestWalletResponse,
} from '../../../shared/protocol/http.ts';
import { routes } from '../../../shared/protocol/routes.ts';
import type {
  EmailStartBody,
  EmailVerifyBody,
  SignedIn,
  SignInOptions,
  SignInResult,
} from '../../../shared/protocol/sign-in.ts';
import { callRoute } from '../../core/http.ts';

/** Signs in as a guest: the server issues a session token and a custodial address. */
export function signInAsGuest(name: string): Promise<SessionResponse> {
  return callRoute<SessionResponse>(routes.guestSignIn, { body: { name } });
}

/**
 * Creates and signs in with a funded dev-chain account (local development only). With `linkToken` (a guest's
 * session) the guest keeps their member record and gains the wallet.
 */
export function signInWithTestWallet(name: string, linkToken?: string): Promise<TestWalletResponse> {
  return callRoute<TestWalletResponse>(routes.testWallet, {
    body: linkToken ? { name, linkToken } : { name },
  });
}

/**
 * Signs out on the server: ends this browser's session (the refresh cookie travels with the call, Path=/auth, and is
 * cleared by the answer). Best effort, since signing out locally must work offline too; resolves either way.
 */
export function revokeSession(token: string | null): Promise<void> {
  if (!token) return Promise.resolve();
  return callRoute<void>(routes.logout, { token }).catch(() => undefined);
}

/**
 * Asks for a new access token with the refresh cookie (same-origin fetch sends it; the server rotates it). A
 * browser without a live session gets a 401 (`sessionEnded`, or `sessionReused` for a replayed cookie).
 */
export function refreshSession(): Promise<SignedIn> {
  return callRoute<SignedIn>(routes.refresh, { cache: 'no-store' });
}

let options: Promise<SignInOptions | null> | null = null;

/** Which sign-ins this lounge offers, fetched once per page (null when the server cannot say). */
export function fetchSignInOptions(): Promise<SignInOptions | null> {
  options ??= callRoute<SignInOptions>(routes.signInOptions).catch(() => {
    options = null;
    return null;
  });
  return options;
}

/** Sends a 6-digit code to `email` (the same answer whether or not the address is known). */
export function startEmailSignIn(body: EmailStartBody): Promise<void> {
  return callRoute<void>(routes.emailStart, { body });
}

/** Checks the code; with `token` the email is added to the signed-in member (or a merge is offered). */
export function verifyEmailSignIn(body: EmailVerifyBody, token?: string | null): Promise<SignInResult> {
  return callRoute<SignInResult>(routes.emailVerify, { body, token: token ?? undefined });
}

/** The brand's authorization URL to navigate to; with `token` the brand account is added to that member. */
export function startBrandSignIn(name: string | null, token?: string | null): Promise<{ url: string }> {
  return callRoute<{ url: string }>(routes.oidcStart, {
    body: name ? { name } : {},
    token: token ?? undefined,
  });
}

/** Accepts a merge offer with the guest's token: the guest's progress moves into that member, now signed in. */
export function acceptMerge(ticket: string, guestToken: string): Promise<SignedIn> {
  return callRoute<SignedIn>(routes.merge, { body: { ticket }, token: guestToken });
}

/** Everything the server holds about the signed-in member (GET /api/members/me/export), as parsed JSON. */
export function fetchMyData(token: string): Promise<unknown> {
  return callRoute<unknown>(routes.exportMe, { token });
}

/** Erases the signed-in member's data and ends all their sessions (DELETE /api/members/me). */
export function eraseMyData(token: string): Promise<EraseMeResponse> {
  const body: EraseMeBody = { confirm: 'erase my data' };
  return callRoute<EraseMeResponse>(routes.eraseMe, { body, token });
}
