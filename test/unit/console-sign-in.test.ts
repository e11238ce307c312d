import { afterEach, describe, expect, it, vi } from 'vitest';
import { rebindEmail, searchMembers, startBrandSignIn } from '../../client/console/api.ts';
import { staffLabel } from '../../client/console/names.ts';
import { restoreSession, withSession } from '../../client/console/session.ts';
import { readSignInReturn } from '../../client/console/signIn/returnParams.ts';
import { useConsoleStore } from '../../client/console/store.ts';
import { callRoute } from '../../client/core/http.ts';
import { routes } from '../../shared/protocol/routes.ts';

const ME = { memberId: 'm1', name: 'Ops Lin', address: 'member:m1', wallet: null, roles: ['host' as const] };

/** A stubbed server: answers by path from a table of handlers (each returns status and body). */
function server(handlers: Record<string, (init: RequestInit | undefined) => [number, unknown?]>) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const path = url.split('?')[0] ?? url;
    const handler = handlers[path];
    const [status, body] = handler ? handler(init) : [404, { error: 'notFound' }];
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
const bearer = (init: RequestInit | undefined) => new Headers(init?.headers).get('authorization');
const signedIn = (token: string) => ({
  status: 'signedIn',
  token,
  expiresAt: Date.now() + 900_000,
  member: { id: 'm1', name: 'Ops', address: null, lasting: true },
  kind: 'email',
  linked: false,
});

afterEach(() => {
  vi.unstubAllGlobals();
  useConsoleStore.setState({ token: null, me: null, signInError: null });
});

describe('console sign-in return from the brand login', () => {
  it('reads ?signedIn and ?signInError and gives the address without them', () => {
    expect(readSignInReturn('https://lounge.example/console')).toEqual({
      signedIn: false,
      error: null,
      cleanUrl: null,
    });
    expect(readSignInReturn('https://lounge.example/console?signedIn=oidc#x')).toEqual({
      signedIn: true,
      error: null,
      cleanUrl: '/console#x',
    });
    expect(readSignInReturn('https://lounge.example/console?lang=vi&signInError=oidcFailed')).toEqual({
      signedIn: false,
      error: 'oidcFailed',
      cleanUrl: '/console?lang=vi',
    });
    expect(readSignInReturn('https://lounge.example/console?signInError=%3Cscript%3E').error).toBeNull();
  });

  it('labels staff by name, wallet or member id, never by email', () => {
    expect(staffLabel({ address: '0x1234567890abcdef1234' })).toBe('0x1234…1234');
    expect(staffLabel({ address: 'member:0a1b2c3d-4e5f-6789' })).toBe('0a1b2c3d…');
    expect(staffLabel({ address: 'member:0a1b2c3d', name: 'Ops Lin' })).toBe('Ops Lin');
  });
});

describe('console session through the refresh cookie', () => {
  it('renews an expired token once and runs the call again', async () => {
    useConsoleStore.setState({ token: 'old', me: ME });
    const fetchMock = server({
      [routes.consoleMe.path]: (init) =>
        bearer(init) === 'Bearer new' ? [200, ME] : [401, { error: 'unauthorized' }],
      [routes.refresh.path]: () => [200, signedIn('new')],
    });
    await expect(withSession((token) => callRoute(routes.consoleMe, { token }))).resolves.toEqual(ME);
    expect(useConsoleStore.getState().token).toBe('new');
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
      routes.consoleMe.path,
      routes.refresh.path,
      routes.consoleMe.path,
    ]);
  });

  it('shares one refresh between calls that fail together', async () => {
    useConsoleStore.setState({ token: 'old', me: ME });
    const fetchMock = server({
      [routes.consoleEvents.path]: (init) =>
        bearer(init) === 'Bearer new' ? [200, { events: [] }] : [401, { error: 'unauthorized' }],
      [routes.refresh.path]: () => [200, signedIn('new')],
    });
    const call = () => withSession((token) => callRoute(routes.consoleEvents, { token }));
    await Promise.all([call(), call(), call()]);
    expect(fetchMock.mock.calls.filter(([url]) => url === routes.refresh.path)).toHaveLength(1);
  });

  it('signs out when the cookie is gone too; keeps the session on an admin-only refusal', async () => {
    useConsoleStore.setState({ token: 'old', me: ME });
    server({
      [routes.consoleMe.path]: () => [401, { error: 'unauthorized' }],
      [routes.refresh.path]: () => [401, { error: 'sessionEnded' }],
    });
    await expect(withSession((token) => callRoute(routes.consoleMe, { token }))).rejects.toThrow();
    expect(useConsoleStore.getState()).toMatchObject({ token: null, signInError: 'unauthorized' });

    useConsoleStore.setState({ token: 'tok', me: ME, signInError: null });
    server({ '/api/console/members/m2/email': () => [403, { error: 'roleRequired' }] });
    await expect(
      withSession((token) => rebindEmail(token, 'm2', 'a@example.com', 'checked id')),
    ).rejects.toMatchObject({ code: 'roleRequired' });
    expect(useConsoleStore.getState().token).toBe('tok');
  });

  it('restores on load through the cookie, quietly when there is none or it is not staff', async () => {
    server({ [routes.refresh.path]: () => [401, { error: 'sessionEnded' }] });
    await expect(restoreSession()).resolves.toBe(false);
    expect(useConsoleStore.getState().signInError).toBeNull();

    server({
      [routes.refresh.path]: () => [200, signedIn('guest-token')],
      [routes.consoleMe.path]: () => [403, { error: 'forbidden' }],
    });
    await expect(restoreSession()).resolves.toBe(false);
    expect(useConsoleStore.getState().signInError).toBeNull();
    // Back from the brand's login, the refusal is shown.
    await expect(restoreSession(true)).resolves.toBe(false);
    expect(useConsoleStore.getState().signInError).toBe('forbidden');

    server({
      [routes.refresh.path]: () => [200, signedIn('staff-token')],
      [routes.consoleMe.path]: (init) => (bearer(init) === 'Bearer staff-token' ? [200, ME] : [401]),
    });
    await expect(restoreSession()).resolves.toBe(true);
    expect(useConsoleStore.getState()).toMatchObject({ token: 'staff-token', me: ME });
  });
});

describe('console support calls', () => {
  it('searches with the query and re-binds with the body the server checks', async () => {
    const fetchMock = server({
      [routes.consoleMembers.path]: () => [200, { members: [] }],
      '/api/console/members/m%202/email': () => [200, { member: { id: 'm 2' } }],
    });
    await searchMembers('t', 'Mei Lin');
    await rebindEmail('t', 'm 2', 'new@example.com', 'Ticket 1');
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/console/members?q=Mei+Lin');
    expect(fetchMock.mock.calls[1]?.[1]?.method).toBe('PUT');
    expect(JSON.parse(String(fetchMock.mock.calls[1]?.[1]?.body))).toEqual({
      email: 'new@example.com',
      reason: 'Ticket 1',
    });
  });

  it('starts the brand login with the body the server accepts', async () => {
    const fetchMock = server({
      [routes.oidcStart.path]: () => [200, { url: 'https://id.brand.example/auth' }],
    });
    await expect(startBrandSignIn()).resolves.toEqual({ url: 'https://id.brand.example/auth' });
    const sent = JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body));
    expect([{}, { returnTo: '/console' }]).toContainEqual(sent);
  });
});
