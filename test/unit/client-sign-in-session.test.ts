import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACCESS_TOKEN_TTL_MS, type SignedIn } from '../../shared/protocol/sign-in.ts';

/**
 * The lasting session in the tab (client/account/session.ts) against a stand-in HTTP API and a stand-in room SDK:
 * the page loading with or without a live refresh cookie, the refresh timer, and sign-in answers.
 */

const START = Date.UTC(2026, 11, 5, 13, 0, 0);

interface Answer {
  status: number;
  body: unknown;
}

/** Records every call and answers `/auth/refresh` from a queue (a 401 once it is empty). */
function stubApi(refreshAnswers: Answer[], others: Record<string, Answer> = {}) {
  const calls: { path: string; method: string; authorization: string | null }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    calls.push({ path: url, method: init.method ?? 'GET', authorization: headers.authorization ?? null });
    const answer =
      url === '/auth/refresh'
        ? (refreshAnswers.shift() ?? { status: 401, body: { error: 'sessionEnded' } })
        : (others[url] ?? { status: 204, body: null });
    return new Response(answer.status === 204 ? null : JSON.stringify(answer.body), {
      status: answer.status,
    });
  });
  return calls;
}

function mockSdk() {
  const joins: { token: string }[] = [];
  vi.doMock('@colyseus/sdk', () => ({
    Callbacks: { get: () => ({ onAdd: () => {}, onRemove: () => {}, onChange: () => {}, listen: () => {} }) },
    Client: class {
      async joinOrCreate(name: string, options: { token: string }) {
        joins.push({ token: options.token });
        return {
          name,
          sessionId: `seat-${joins.length}`,
          leave: vi.fn(async () => {}),
          onMessage: () => {},
          onDrop: () => {},
          onReconnect: () => {},
          onLeave: () => {},
        };
      }
    },
  }));
  return joins;
}

const replaceState = vi.fn();

function stubPage(search = '') {
  vi.stubGlobal('location', { origin: 'http://localhost:1', pathname: '/', search, hash: '' });
  vi.stubGlobal('history', { state: null, replaceState });
}

const signedIn = (token: string, memberId = 'm1', at = Date.now()): SignedIn => ({
  status: 'signedIn',
  token,
  expiresAt: at + ACCESS_TOKEN_TTL_MS,
  member: { id: memberId, name: 'Mei', address: null, lasting: memberId !== 'guest' },
  kind: memberId === 'guest' ? 'guest' : 'email',
  linked: false,
});

async function load() {
  vi.resetModules();
  const joins = mockSdk();
  const { useLayoverStore } = await import('../../client/core/store.ts');
  const session = await import('../../client/account/session.ts');
  return { store: useLayoverStore, session, joins };
}

beforeEach(() => {
  vi.useFakeTimers({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  replaceState.mockReset();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.doUnmock('@colyseus/sdk');
  vi.restoreAllMocks();
});

describe('the page loading', () => {
  it('enters the lounge as the same member when the refresh cookie is still good', async () => {
    stubPage();
    const calls = stubApi([{ status: 200, body: signedIn('access-token-1', 'm1') }]);
    const { store, session, joins } = await load();
    await session.restoreSession();
    const state = store.getState();
    expect(state.status).toBe('inLounge');
    expect(state.member).toEqual({ id: 'm1', name: 'Mei', address: null, lasting: true });
    expect(state.sessionKind).toBe('email');
    expect(joins).toEqual([{ token: 'access-token-1' }]);
    expect(calls[0]).toMatchObject({ path: '/auth/refresh', method: 'POST' });
  });

  it('shows the entry form quietly on a first visit (sessionEnded)', async () => {
    stubPage();
    stubApi([{ status: 401, body: { error: 'sessionEnded' } }]);
    const { store, session, joins } = await load();
    const restoring = session.restoreSession();
    expect(store.getState().status).toBe('restoring');
    await restoring;
    expect([store.getState().status, store.getState().errorCode]).toEqual(['signedOut', null]);
    expect(joins).toEqual([]);
  });

  it('explains a reused refresh cookie', async () => {
    stubPage();
    stubApi([{ status: 401, body: { error: 'sessionReused' } }]);
    const { store, session } = await load();
    await session.restoreSession();
    expect([store.getState().status, store.getState().errorCode]).toEqual(['error', 'sessionReused']);
  });

  it("shows a failed brand login's error and takes the parameter out of the address bar", async () => {
    stubPage('?signInError=oidcFailed&lang=vi');
    stubApi([{ status: 401, body: { error: 'sessionEnded' } }]);
    const { store, session } = await load();
    await session.restoreSession();
    expect(store.getState().errorCode).toBe('oidcFailed');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/?lang=vi');
  });

  it('offers the merge when the brand account belongs to another member and a guest came back', async () => {
    stubPage('?mergeTicket=ticket-of-a-test-offer-1234&mergeName=Mei');
    stubApi([{ status: 200, body: signedIn('guest-token-1', 'guest') }]);
    const { store, session } = await load();
    await session.restoreSession();
    expect(store.getState().mergeOffer).toEqual({ ticket: 'ticket-of-a-test-offer-1234', name: 'Mei' });
    session.declineMergeOffer();
    expect(store.getState().mergeOffer).toBeNull();
    expect(store.getState().member?.id).toBe('guest');
  });
});

describe('keeping the access token fresh', () => {
  it('renews it a minute before it expires and keeps the seat', async () => {
    stubPage();
    const calls = stubApi([{ status: 200, body: signedIn('access-token-1') }]);
    const { store, session, joins } = await load();
    await session.restoreSession();
    stubApi([{ status: 200, body: signedIn('access-token-2', 'm1', START + ACCESS_TOKEN_TTL_MS - 60_000) }]);
    await vi.advanceTimersByTimeAsync(ACCESS_TOKEN_TTL_MS - 61_000);
    expect(store.getState().token).toBe('access-token-1');
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(store.getState().token).toBe('access-token-2'));
    expect(store.getState().status).toBe('inLounge');
    expect(store.getState().expiresAt).toBe(START + 2 * ACCESS_TOKEN_TTL_MS - 60_000);
    expect(joins).toHaveLength(1);
    expect(calls).toHaveLength(1);
  });

  it('ends the session with the reason when the server refuses the cookie during use', async () => {
    stubPage();
    stubApi([{ status: 200, body: signedIn('access-token-1') }]);
    const { store, session } = await load();
    await session.restoreSession();
    stubApi([{ status: 401, body: { error: 'sessionReused' } }]);
    await session.refreshNow();
    expect([store.getState().status, store.getState().errorCode, store.getState().token]).toEqual([
      'error',
      'sessionReused',
      null,
    ]);
  });

  it('tries again later when the server cannot be reached, keeping the member seated', async () => {
    stubPage();
    stubApi([{ status: 200, body: signedIn('access-token-1') }]);
    const { store, session } = await load();
    await session.restoreSession();
    stubApi([{ status: 503, body: { error: 'internal' } }]);
    await session.refreshNow();
    expect(store.getState().status).toBe('inLounge');
    stubApi([{ status: 200, body: signedIn('access-token-3') }]);
    await vi.advanceTimersByTimeAsync(30_000);
    await vi.waitFor(() => expect(store.getState().token).toBe('access-token-3'));
  });
});

describe('sign-in answers and signing out', () => {
  it('keeps the seat when a credential is added to the same member, and marks the account lasting', async () => {
    stubPage();
    stubApi([{ status: 200, body: signedIn('guest-token-1', 'guest') }]);
    const { store, session, joins } = await load();
    await session.restoreSession();
    expect(store.getState().member?.lasting).toBe(false);
    const added = { ...signedIn('guest-token-2', 'guest'), linked: true, kind: 'email' as const };
    added.member = { ...added.member, lasting: true };
    await expect(session.handleSignInResult(added)).resolves.toBe('replace');
    expect(store.getState().token).toBe('guest-token-2');
    expect(store.getState().member?.lasting).toBe(true);
    expect(store.getState().sessionKind).toBe('email');
    expect(joins).toHaveLength(1);
  });

  it('signs out through the logout route with the token (the server clears the cookie)', async () => {
    stubPage();
    stubApi([{ status: 200, body: signedIn('access-token-1') }]);
    const { store, session } = await load();
    await session.restoreSession();
    const calls = stubApi([]);
    await session.leaveAndSignOut();
    expect(calls).toEqual([{ path: '/auth/logout', method: 'POST', authorization: 'Bearer access-token-1' }]);
    expect(store.getState().status).toBe('signedOut');
    // No refresh is left planned for the member who left.
    await vi.advanceTimersByTimeAsync(ACCESS_TOKEN_TTL_MS);
    expect(calls).toHaveLength(1);
  });

  it('merges a guest who accepts the offer into that member, reseated in the same room', async () => {
    stubPage();
    stubApi([{ status: 200, body: signedIn('guest-token-1', 'guest') }]);
    const { store, session, joins } = await load();
    await session.restoreSession();
    const offer = {
      status: 'mergeOffer',
      ticket: 'ticket-of-a-test-offer-1234',
      member: { name: 'Mei' },
    } as const;
    await expect(session.handleSignInResult(offer)).resolves.toBe('offer');
    expect(store.getState().mergeOffer).toEqual({ ticket: 'ticket-of-a-test-offer-1234', name: 'Mei' });
    const calls = stubApi([], { '/auth/merge': { status: 200, body: signedIn('member-token-1', 'm1') } });
    await session.acceptMergeOffer();
    expect(calls).toEqual([{ path: '/auth/merge', method: 'POST', authorization: 'Bearer guest-token-1' }]);
    const state = store.getState();
    expect([state.mergeOffer, state.member?.id, state.token, state.status]).toEqual([
      null,
      'm1',
      'member-token-1',
      'inLounge',
    ]);
    expect(joins.map((join) => join.token)).toEqual(['guest-token-1', 'member-token-1']);
  });

  it('says so when the offer expired, and the guest stays who they were', async () => {
    stubPage();
    stubApi([{ status: 200, body: signedIn('guest-token-1', 'guest') }]);
    const { store, session } = await load();
    await session.restoreSession();
    store.getState().setMergeOffer({ ticket: 'ticket-of-a-test-offer-1234', name: 'Mei' });
    stubApi([], { '/auth/merge': { status: 410, body: { error: 'mergeExpired' } } });
    await session.acceptMergeOffer();
    const state = store.getState();
    expect([state.mergeOffer, state.member?.id, state.status]).toEqual([null, 'guest', 'inLounge']);
    expect(state.toasts.at(-1)).toMatchObject({ kind: 'alert', key: 'error.mergeExpired' });
  });
});
