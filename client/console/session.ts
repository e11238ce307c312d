import type { SignInResult } from '../../shared/protocol/sign-in.ts';
import { ApiError } from '../core/http.ts';
import { fetchMe, refreshAccess, signOutBrowser } from './api.ts';
import { consoleErrorOf } from './errors.ts';
import { useConsoleStore } from './store.ts';

/**
 * The console's session: a 15-minute access token (kept in sessionStorage for this tab) renewed through the
 * browser's refresh cookie (POST /auth/refresh), so a reload, a new tab or a token that ran out keeps the staff
 * member signed in while the browser session lives. The cookie is the lounge's too (same origin): signing in here
 * signs this browser in as the staff member there as well, and signing out here signs the browser out.
 */

let refreshing: Promise<string | undefined> | undefined;

/**
 * A fresh access token from the refresh cookie, or undefined when the browser has no live session. Calls that need
 * one at the same time share one refresh (a refresh secret presented twice would end the whole browser session).
 */
export function renewToken(): Promise<string | undefined> {
  refreshing ??= refreshAccess()
    .then((signedIn) => signedIn.token)
    .catch(() => undefined)
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing;
}

/**
 * Runs a console call with the session token. A 401 first tries one renewal through the refresh cookie and runs the
 * call again; a 401 after that, or a 403 `forbidden` (the role was taken away), ends the session and returns to
 * sign-in with the reason shown there. Other refusals (an admin-only action, say) leave the session as it is. Every
 * error is rethrown so the caller can stop its spinner.
 */
export async function withSession<T>(call: (token: string) => Promise<T>): Promise<T> {
  const { token, signOut } = useConsoleStore.getState();
  if (!token) {
    signOut('unauthorized');
    throw new ApiError('unauthorized', 401);
  }
  try {
    return await call(token);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 401) {
      const renewed = await renewToken();
      if (renewed) {
        useConsoleStore.getState().renewed(renewed);
        return withSessionOnce(call, renewed);
      }
      signOut('unauthorized');
    } else if (error.status === 403 && error.code === 'forbidden') signOut('forbidden');
    throw error;
  }
}

async function withSessionOnce<T>(call: (token: string) => Promise<T>, token: string): Promise<T> {
  try {
    return await call(token);
  } catch (error) {
    if (
      error instanceof ApiError &&
      (error.status === 401 || (error.status === 403 && error.code === 'forbidden'))
    )
      useConsoleStore.getState().signOut(error.status === 403 ? 'forbidden' : 'unauthorized');
    throw error;
  }
}

/** Checks a fresh token against /api/console/me before keeping it: an account without a staff role stays out. */
export async function startSession(token: string): Promise<void> {
  const { signedIn, signOut } = useConsoleStore.getState();
  try {
    signedIn(token, await fetchMe(token));
  } catch (error) {
    signOut(consoleErrorOf(error));
    throw error;
  }
}

/** Keeps the session a sign-in answered; a merge offer cannot happen here (the console signs in nobody first). */
export async function startSignedIn(result: SignInResult): Promise<void> {
  if (result.status !== 'signedIn') throw new ApiError('internal', 500, 'unexpected merge offer');
  await startSession(result.token);
}

/**
 * On page load: the tab's kept token if it is still a live staff session, else a renewal through the refresh
 * cookie. Resolves true when signed in. Without any session it stays quiet; `reportRefusal` (after the brand's login
 * sent the browser back here) shows why a session that exists cannot open the console.
 */
export async function restoreSession(reportRefusal = false): Promise<boolean> {
  const { token: kept, signedIn, signOut } = useConsoleStore.getState();
  if (kept) {
    try {
      signedIn(kept, await fetchMe(kept));
      return true;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) {
        signOut(consoleErrorOf(error));
        return false;
      }
    }
  }
  const renewed = await renewToken();
  if (!renewed) {
    // Nothing to restore; a reason already shown (the session ended, the role was taken) stays.
    if (kept) signOut('unauthorized');
    return false;
  }
  try {
    signedIn(renewed, await fetchMe(renewed));
    return true;
  } catch (error) {
    // A lounge member's browser session (a guest, a member who is not staff) does not open the console: say so
    // only when this tab was signed in or the brand's login just sent the browser here.
    if (kept || reportRefusal) signOut(consoleErrorOf(error));
    return false;
  }
}

/** Signs this browser out (the server ends its session and clears the cookie), then shows sign-in. */
export async function endSession(): Promise<void> {
  const { token, signOut } = useConsoleStore.getState();
  if (token) await signOutBrowser(token).catch(() => undefined);
  signOut();
}
