import { describe, expect, it } from 'vitest';
import {
  bootError,
  CODE_TRIES,
  codeRefusal,
  MIN_REFRESH_DELAY_MS,
  REFRESH_LEAD_MS,
  readReturnParams,
  refreshDelay,
  refreshFailure,
  refreshOnReturn,
  signInAction,
} from '../../client/account/signIn/sessionPlan.ts';
import { ApiError } from '../../client/core/http.ts';
import { ACCESS_TOKEN_TTL_MS, type SignedIn } from '../../shared/protocol/sign-in.ts';

const NOW = Date.UTC(2026, 11, 5, 13, 0, 0);

const signedIn = (memberId: string): SignedIn => ({
  status: 'signedIn',
  token: 'token-of-a-test-session-123',
  expiresAt: NOW + ACCESS_TOKEN_TTL_MS,
  member: { id: memberId, name: 'Mei', address: null, lasting: true },
  kind: 'email',
  linked: false,
});

describe('refresh timer', () => {
  it('refreshes a fresh 15-minute token one minute before it expires', () => {
    expect(refreshDelay(NOW + ACCESS_TOKEN_TTL_MS, NOW)).toBe(ACCESS_TOKEN_TTL_MS - REFRESH_LEAD_MS);
  });

  it('refreshes almost at once when the token is nearly or already dead (never a zero-delay spin)', () => {
    expect(refreshDelay(NOW + 30_000, NOW)).toBe(MIN_REFRESH_DELAY_MS);
    expect(refreshDelay(NOW - 5 * 60_000, NOW)).toBe(MIN_REFRESH_DELAY_MS);
  });

  it('refreshes when the tab comes back only once the planned time has passed', () => {
    const expiresAt = NOW + ACCESS_TOKEN_TTL_MS;
    expect(refreshOnReturn(expiresAt, NOW + 60_000)).toBe(false);
    expect(refreshOnReturn(expiresAt, expiresAt - REFRESH_LEAD_MS)).toBe(true);
    expect(refreshOnReturn(expiresAt, expiresAt + 3 * 60 * 60_000)).toBe(true);
    expect(refreshOnReturn(null, NOW)).toBe(false);
  });
});

describe('a failed refresh', () => {
  it('ends the session when the server refuses the cookie, with the reason the entry screen shows', () => {
    expect(refreshFailure(new ApiError('sessionEnded', 401))).toEqual({
      outcome: 'ended',
      code: 'sessionEnded',
    });
    expect(refreshFailure(new ApiError('sessionReused', 401))).toEqual({
      outcome: 'ended',
      code: 'sessionReused',
    });
    expect(refreshFailure(new ApiError('unauthorized', 401))).toEqual({
      outcome: 'ended',
      code: 'sessionEnded',
    });
    expect(refreshFailure(new ApiError('crossSite', 403))).toEqual({
      outcome: 'ended',
      code: 'sessionEnded',
    });
  });

  it('tries again later when nothing answered or the server stumbled', () => {
    expect(refreshFailure(new ApiError('network', 0))).toEqual({ outcome: 'retry' });
    expect(refreshFailure(new ApiError('internal', 500))).toEqual({ outcome: 'retry' });
    expect(refreshFailure(new ApiError('rateLimited', 429))).toEqual({ outcome: 'retry' });
    expect(refreshFailure(new TypeError('Failed to fetch'))).toEqual({ outcome: 'retry' });
  });
});

describe('the page loading', () => {
  it('shows no error on a first visit, but explains a reused cookie', () => {
    expect(bootError(new ApiError('sessionEnded', 401))).toBeNull();
    expect(bootError(new ApiError('network', 0))).toBeNull();
    expect(bootError(new ApiError('sessionReused', 401))).toBe('sessionReused');
  });

  it("reads the brand login's return parameters and keeps the rest of the query", () => {
    expect(readReturnParams('?signedIn=oidc')).toEqual({
      signedIn: true,
      error: null,
      merge: null,
      search: '',
    });
    expect(readReturnParams('?lang=vi&signInError=oidcFailed')).toEqual({
      signedIn: false,
      error: 'oidcFailed',
      merge: null,
      search: '?lang=vi',
    });
    expect(readReturnParams('?mergeTicket=t-123456789012345678901&mergeName=Mei%20Lin')).toMatchObject({
      merge: { ticket: 't-123456789012345678901', name: 'Mei Lin' },
      search: '',
    });
    expect(readReturnParams('')).toEqual({ signedIn: false, error: null, merge: null, search: '' });
  });

  it('shows an unknown error code from the URL as a failed brand login, never as raw text', () => {
    expect(readReturnParams('?signInError=%3Cscript%3E').error).toBe('oidcFailed');
    expect(readReturnParams('?mergeTicket=only-a-ticket').merge).toBeNull();
  });
});

describe('a sign-in answer', () => {
  it('enters from the entry screen, keeps the seat for the same member, switches for another', () => {
    expect(signInAction(signedIn('m1'), null)).toBe('enter');
    expect(signInAction(signedIn('m1'), 'm1')).toBe('replace');
    expect(signInAction(signedIn('m2'), 'm1')).toBe('switch');
  });

  it('offers the merge only while somebody is signed in', () => {
    const offer = {
      status: 'mergeOffer',
      ticket: 'ticket-of-a-test-offer-1234',
      member: { name: 'Mei' },
    } as const;
    expect(signInAction(offer, 'guest-1')).toBe('offer');
    expect(signInAction(offer, null)).toBe('ignore');
  });
});

describe('the code form', () => {
  it('counts down the tries left after wrong codes, then says the code is locked', () => {
    expect(codeRefusal('codeInvalid', 1)).toEqual({ key: 'signIn.triesLeft', count: CODE_TRIES - 1 });
    expect(codeRefusal('codeInvalid', CODE_TRIES - 1)).toEqual({ key: 'signIn.triesLeft', count: 1 });
    expect(codeRefusal('codeInvalid', CODE_TRIES)).toEqual({ key: 'error.codeLocked' });
    expect(codeRefusal('codeLocked', 2)).toEqual({ key: 'error.codeLocked' });
    expect(codeRefusal('codeExpired', 0)).toEqual({ key: 'error.codeExpired' });
    expect(codeRefusal('tooManyCodes', 0)).toEqual({ key: 'error.tooManyCodes' });
  });
});
