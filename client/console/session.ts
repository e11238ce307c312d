import { ApiError } from '../core/http.ts';
import { fetchMe } from './api.ts';
import { consoleErrorOf } from './errors.ts';
import { useConsoleStore } from './store.ts';

/**
 * Runs a console call with the session token. A 401 or 403 ends the session and returns to sign-in with the
 * reason shown there; every error is rethrown so the caller can stop its spinner.
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
    if (error instanceof ApiError && (error.status === 401 || error.status === 403))
      signOut(error.status === 403 ? 'forbidden' : 'unauthorized');
    throw error;
  }
}

/** Checks a fresh token against /api/console/me before keeping it: a wallet without the host role stays out. */
export async function startSession(token: string): Promise<void> {
  const { signedIn, signOut } = useConsoleStore.getState();
  try {
    signedIn(token, await fetchMe(token));
  } catch (error) {
    signOut(consoleErrorOf(error));
    throw error;
  }
}
