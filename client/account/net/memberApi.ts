import type {
  EraseMeBody,
  EraseMeResponse,
  SessionResponse,
  TestWalletResponse,
} from '../../../shared/protocol/http.ts';
import { routes } from '../../../shared/protocol/routes.ts';
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

/** Revokes a session on the server; best effort, since signing out locally must work offline too. */
export function revokeSession(token: string | null): void {
  if (token) void callRoute(routes.logout, { token }).catch(() => undefined);
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
