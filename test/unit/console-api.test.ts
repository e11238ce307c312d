import { afterEach, describe, expect, it, vi } from 'vitest';
import { cancelEvent, liftBan } from '../../client/console/api.ts';
import { consoleErrorOf, toConsoleErrorCode } from '../../client/console/errors.ts';
import { withSession } from '../../client/console/session.ts';
import { useConsoleStore } from '../../client/console/store.ts';
import { ApiError, callRoute } from '../../client/core/http.ts';
import { ContentRefusalBody } from '../../shared/protocol/content.ts';
import { routes } from '../../shared/protocol/routes.ts';

function answer(status: number, body?: unknown) {
  const fetchMock = vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** A DELETE that the stubbed server refuses. */
const cancelOne = () => cancelEvent('t', 'e1');

afterEach(() => {
  vi.unstubAllGlobals();
  useConsoleStore.setState({ token: null, me: null, signInError: null });
});

describe('console API calls', () => {
  it('sends the bearer token and JSON body, and reads the answer', async () => {
    const fetchMock = answer(201, { id: 'e1' });
    const params = { kind: 'quest', id: 'q 1' };
    const call = callRoute(routes.consoleSaveContent, { token: 'tok-123', params, body: { title: 'x' } });
    await expect(call).resolves.toEqual({ id: 'e1' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/console/content/quest/q%201');
    expect(init?.method).toBe('PUT');
    expect(init?.body).toBe('{"title":"x"}');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer tok-123');
  });

  it('keeps the server code and detail of a refusal', async () => {
    answer(400, { error: 'invalidEvent', detail: 'title: Too small' });
    const error = await callRoute(routes.consoleCreateEvent, { token: 't' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalidEvent', status: 400, detail: 'title: Too small' });
  });

  it("keeps a refused publish's issues, so the form shows each at its field without asking again", async () => {
    const issue = { kind: 'quest', id: 'q1', path: 'steps.0.title', message: 'Too small' };
    answer(400, { error: 'invalidContent', detail: 'quest q1 steps.0.title: Too small', issues: [issue] });
    const error = await callRoute(routes.consolePublishContent, {
      token: 't',
      body: { baseVersion: 1 },
    }).catch((caught: unknown) => caught);
    const refusal = ContentRefusalBody.safeParse((error as ApiError).body);
    expect(refusal.success && refusal.data.issues).toEqual([issue]);
    // A body that is not a content refusal is not read as one.
    answer(400, { error: 'invalidContent', issues: [{ kind: 'nope', id: 1 }] });
    const odd = await callRoute(routes.consolePublishContent, { token: 't', body: { baseVersion: 1 } }).catch(
      (caught: unknown) => caught,
    );
    expect(ContentRefusalBody.safeParse((odd as ApiError).body).success).toBe(false);
  });

  it('maps unknown codes by status, and a failed fetch to network', async () => {
    answer(409, { error: 'somethingNew' });
    const refused = await cancelOne().catch((caught: unknown) => caught);
    expect([consoleErrorOf(refused), (refused as ApiError).status]).toEqual(['conflict', 409]);
    answer(409);
    await expect(cancelOne()).rejects.toMatchObject({ code: 'conflict', status: 409 });
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('offline')));
    await expect(callRoute(routes.consoleMe, { token: 't' })).rejects.toMatchObject({
      code: 'network',
      status: 0,
    });
    expect(consoleErrorOf(new TypeError('x'))).toBe('internal');
    expect(toConsoleErrorCode(undefined, 403)).toBe('forbidden');
    expect(toConsoleErrorCode('siweExpired')).toBe('siweExpired');
    expect(toConsoleErrorCode('nope', 500)).toBe('internal');
  });

  it('resolves a 204 to undefined and names the ban scope and event', async () => {
    const fetchMock = answer(204);
    await expect(liftBan('t', 'member 1', 'event', 'ev-9')).resolves.toBeUndefined();
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/console/bans/member%201?scope=event&eventId=ev-9');
  });
});

describe('withSession', () => {
  it('signs out with "forbidden" on 403 and "unauthorized" on 401', async () => {
    useConsoleStore.setState({
      token: 'tok',
      me: { memberId: 'm', name: 'Host', address: '0x1', wallet: '0x1', roles: ['host'] },
    });
    answer(403, { error: 'forbidden' });
    await expect(withSession((token) => callRoute(routes.consoleMe, { token }))).rejects.toThrow();
    expect(useConsoleStore.getState()).toMatchObject({ token: null, me: null, signInError: 'forbidden' });

    useConsoleStore.setState({
      token: 'tok',
      me: { memberId: 'm', name: 'Host', address: '0x1', wallet: '0x1', roles: ['host'] },
    });
    answer(401, { error: 'unauthorized' });
    await expect(withSession((token) => callRoute(routes.consoleMe, { token }))).rejects.toThrow();
    expect(useConsoleStore.getState().signInError).toBe('unauthorized');
  });

  it('keeps the session on other errors', async () => {
    useConsoleStore.setState({
      token: 'tok',
      me: { memberId: 'm', name: 'Host', address: '0x1', wallet: '0x1', roles: ['host'] },
    });
    answer(409, { error: 'eventStarted' });
    await expect(withSession((token) => cancelEvent(token, 'e1'))).rejects.toMatchObject({
      code: 'eventStarted',
    });
    expect(useConsoleStore.getState().token).toBe('tok');
  });
});
