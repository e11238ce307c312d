import { afterEach, describe, expect, it, vi } from 'vitest';
import { eraseMyData, fetchMyData } from '../../client/account/net/memberApi.ts';
import { errorCodeOf } from '../../client/core/errorCodes.ts';
import { ApiError } from '../../client/core/http.ts';

afterEach(() => vi.unstubAllGlobals());

/** Stubs fetch with one JSON answer and returns the spy, to read what was sent. */
function answer(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('the account API calls', () => {
  it('erases with DELETE, the bearer token and the confirmation body', async () => {
    const fetch = answer(200, { erased: true, inFlight: 1, cancelled: 2 });
    expect(await eraseMyData('tok-123')).toEqual({ erased: true, inFlight: 1, cancelled: 2 });
    expect(fetch).toHaveBeenCalledWith('/api/members/me', {
      method: 'DELETE',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        authorization: 'Bearer tok-123',
      },
      body: '{"confirm":"erase my data"}',
    });
  });

  it('fetches the export with GET and the bearer token, without a body', async () => {
    const fetch = answer(200, { member: { displayName: 'Mei' } });
    expect(await fetchMyData('tok-9')).toEqual({ member: { displayName: 'Mei' } });
    expect(fetch).toHaveBeenCalledWith('/api/members/me/export', {
      method: 'GET',
      headers: { accept: 'application/json', authorization: 'Bearer tok-9' },
    });
  });

  it.each([
    [400, { error: 'confirmErase' }, 'confirmErase'],
    [401, { error: 'unauthorized' }, 'unauthorized'],
    [500, { error: 'something new' }, 'internal'],
  ] as const)('turns a %i answer into the %s code the member reads', async (status, body, code) => {
    answer(status, body);
    const error = await eraseMyData('tok').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ApiError', status, code: body.error });
    expect(errorCodeOf(error)).toBe(code);
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = await fetchMyData('tok').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('network');
  });
});
