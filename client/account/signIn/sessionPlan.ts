import type { SignInResult } from '../../../shared/protocol/sign-in.ts';
import { type ErrorCode, isErrorCode } from '../../core/errorCodes.ts';
import { ApiError } from '../../core/http.ts';

/**
 * The decisions of the lasting session, as pure functions of their inputs (times, answers, the URL) so the unit
 * tests read them without a browser: when to refresh the access token, what a failed refresh means, what the page
 * shows after a reload, and what a sign-in answer does to the member on screen. client/account/session.ts acts on them.
 */

/** Refresh this long before the access token expires, so a slow answer still lands in time. */
export const REFRESH_LEAD_MS = 60_000;
/** After a refresh that could not reach the server (offline, a restart), try again this much later. */
export const REFRESH_RETRY_MS = 30_000;
/** Never wait less than this between two refreshes (a clock that runs ahead must not spin the timer). */
export const MIN_REFRESH_DELAY_MS = 1_000;

/** Milliseconds from `now` until the token expiring at `expiresAt` should be refreshed. */
export function refreshDelay(expiresAt: number, now: number): number {
  return Math.max(MIN_REFRESH_DELAY_MS, expiresAt - REFRESH_LEAD_MS - now);
}

/**
 * Whether the tab coming back into view must refresh at once: background tabs throttle timers, so the planned
 * refresh may not have run and the token may already be dead (or about to be).
 */
export function refreshOnReturn(expiresAt: number | null, now: number): boolean {
  return expiresAt !== null && expiresAt - REFRESH_LEAD_MS <= now;
}

/** The two ways a lasting session ends that the entry screen explains. */
export type SessionEndCode = 'sessionEnded' | 'sessionReused';

/**
 * What a failed refresh means: `ended` (the server refused the cookie: signed out elsewhere, idle too long, or a
 * replayed cookie that ended the family) or `retry` (no answer, or the server stumbled: the session may be fine).
 */
export type RefreshFailure = { outcome: 'ended'; code: SessionEndCode } | { outcome: 'retry' };

export function refreshFailure(error: unknown): RefreshFailure {
  if (!(error instanceof ApiError)) return { outcome: 'retry' };
  if (error.code === 'sessionReused') return { outcome: 'ended', code: 'sessionReused' };
  if (
    error.status === 401 ||
    error.status === 403 ||
    error.code === 'sessionEnded' ||
    error.code === 'crossSite'
  )
    return { outcome: 'ended', code: 'sessionEnded' };
  return { outcome: 'retry' };
}

/**
 * What the entry screen shows when the page loads without a live session: nothing on a first visit or after an idle
 * expiry (`sessionEnded` is the normal state of a new browser), but a reused cookie is a warning worth reading.
 */
export function bootError(error: unknown): ErrorCode | null {
  const failure = refreshFailure(error);
  return failure.outcome === 'ended' && failure.code === 'sessionReused' ? 'sessionReused' : null;
}

/** Query parameters the brand's login (via /auth/oidc/callback) sends the member back with. */
export const RETURN_PARAMS = ['signedIn', 'signInError', 'mergeTicket', 'mergeName'] as const;

export interface ReturnParams {
  /** `?signedIn=oidc`: the callback set the refresh cookie; the boot refresh signs in. */
  signedIn: boolean;
  /** `?signInError=<code>`: the brand's login failed; shown translated (an unknown code reads as oidcFailed). */
  error: ErrorCode | null;
  /** `?mergeTicket=..&mergeName=..`: the brand account belongs to another member; offer to continue as them. */
  merge: { ticket: string; name: string } | null;
  /** The query string without those parameters ('' or '?...'), for history.replaceState. */
  search: string;
}

/** Reads (and separates out) what the brand's login sent back in the URL's query string. */
export function readReturnParams(search: string): ReturnParams {
  const params = new URLSearchParams(search);
  const errorParam = params.get('signInError');
  const ticket = params.get('mergeTicket');
  const name = params.get('mergeName');
  const result: Omit<ReturnParams, 'search'> = {
    signedIn: params.get('signedIn') !== null,
    error: errorParam === null ? null : isErrorCode(errorParam) ? errorParam : 'oidcFailed',
    merge: ticket && name ? { ticket, name: name.slice(0, 64) } : null,
  };
  for (const key of RETURN_PARAMS) params.delete(key);
  const rest = params.toString();
  return { ...result, search: rest ? `?${rest}` : '' };
}

/**
 * What a sign-in answer does, given who is on screen (`currentMemberId`, null on the entry screen):
 * - `enter`: nobody was signed in: join the lounge as that member;
 * - `replace`: the same member (a credential was added, or a refresh): keep the seat, swap the token;
 * - `switch`: another member (an accepted merge): take the same seat as them;
 * - `offer`: the credential belongs to another member and a guest is signed in: ask "continue as <name>?";
 * - `ignore`: an offer with nobody signed in to merge (cannot happen with a correct server).
 */
export type SignInAction = 'enter' | 'replace' | 'switch' | 'offer' | 'ignore';

export function signInAction(result: SignInResult, currentMemberId: string | null): SignInAction {
  if (result.status === 'mergeOffer') return currentMemberId === null ? 'ignore' : 'offer';
  if (currentMemberId === null) return 'enter';
  return result.member.id === currentMemberId ? 'replace' : 'switch';
}

/** Seconds until "Send a new code" unlocks again after a code was sent. */
export const RESEND_AFTER_S = 30;

/** Wrong tries an emailed code takes before the server locks it (the 6th try is refused as codeLocked). */
export const CODE_TRIES = 5;

/**
 * What the code form says after the server refused a code: for `codeInvalid`, how many tries are left after
 * `wrongSoFar` wrong tries at this code (the server counts them too and stays the judge: it answers codeLocked).
 */
export function codeRefusal(
  code: ErrorCode,
  wrongSoFar: number,
): { key: 'signIn.triesLeft'; count: number } | { key: `error.${ErrorCode}` } {
  if (code === 'codeInvalid' && wrongSoFar > 0 && wrongSoFar < CODE_TRIES)
    return { key: 'signIn.triesLeft', count: CODE_TRIES - wrongSoFar };
  if (code === 'codeInvalid' && wrongSoFar >= CODE_TRIES) return { key: 'error.codeLocked' };
  return { key: `error.${code}` };
}
