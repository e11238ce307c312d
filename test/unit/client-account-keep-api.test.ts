import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  fetchCredentials,
  fetchDevices,
  fetchSignInOptions,
  removeCredential,
  setEmailLocale,
  setMarketingConsent,
  signOutAllDevices,
  signOutDevice,
  startBrandSignIn,
  startEmail,
  verifyEmail,
} from '../../client/account/net/accountApi.ts';
import { errorCodeOf } from '../../client/core/errorCodes.ts';

afterEach(() => vi.unstubAllGlobals());

/** Stubs fetch with one answer (204 without a body) and returns the spy, to read what was sent. */
function answer(status: number, body?: unknown) {
  const fetch = vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const sent = (fetch: ReturnType<typeof answer>) => {
  const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
  return { url, method: init.method, headers: init.headers, body: init.body };
};

describe('the account panel calls', () => {
  it('reads the sign-in options without a token and without the cache', async () => {
    const fetch = answer(200, { email: true, passkeys: false, oidc: null });
    expect(await fetchSignInOptions()).toMatchObject({ email: true });
    expect(sent(fetch)).toMatchObject({
      url: '/auth/options',
      method: 'GET',
      headers: { accept: 'application/json' },
    });
  });

  it.each([
    ['credentials', () => fetchCredentials('tok'), '/api/members/me/credentials', 'GET'],
    ['devices', () => fetchDevices('tok'), '/api/members/me/devices', 'GET'],
    [
      'one credential',
      () => removeCredential('tok', 'cred-1'),
      '/api/members/me/credentials/cred-1',
      'DELETE',
    ],
    ['one device', () => signOutDevice('tok', 'dev-2'), '/api/members/me/devices/dev-2', 'DELETE'],
    ['every device', () => signOutAllDevices('tok'), '/api/members/me/devices', 'DELETE'],
  ] as const)('sends %s with the bearer token to its route', async (_what, call, url, method) => {
    const fetch = answer(method === 'GET' ? 200 : 204, method === 'GET' ? {} : undefined);
    await call();
    const request = sent(fetch);
    expect(request).toMatchObject({ url, method, body: undefined });
    expect(request.headers).toMatchObject({ authorization: 'Bearer tok' });
  });

  it('sends the consent and the email language as the shared schemas want them', async () => {
    let fetch = answer(200, { granted: true, at: 5 });
    expect(await setMarketingConsent('tok', true)).toEqual({ granted: true, at: 5 });
    expect(sent(fetch)).toMatchObject({
      url: '/api/members/me/consent',
      method: 'PUT',
      body: '{"marketing":true}',
    });
    fetch = answer(204);
    await setEmailLocale('tok', 'zh-Hant');
    expect(sent(fetch)).toMatchObject({
      url: '/api/members/me/locale',
      method: 'PUT',
      body: '{"locale":"zh-Hant"}',
    });
  });

  it('asks for a code in the UI language and verifies it with the same email', async () => {
    let fetch = answer(204);
    await startEmail('tok', 'mei@example.com', 'vi');
    expect(sent(fetch)).toMatchObject({
      url: '/auth/email/start',
      method: 'POST',
      body: '{"email":"mei@example.com","locale":"vi"}',
    });
    const signedIn = { status: 'signedIn', token: 'new', expiresAt: 1, kind: 'email', linked: true };
    fetch = answer(200, signedIn);
    expect(await verifyEmail('tok', 'mei@example.com', '123456')).toEqual(signedIn);
    expect(sent(fetch)).toMatchObject({
      url: '/auth/email/verify',
      body: '{"email":"mei@example.com","code":"123456"}',
      headers: { authorization: 'Bearer tok' },
    });
  });

  it("starts the brand's sign-in with the token so the brand account joins this member", async () => {
    const fetch = answer(200, { url: 'https://brand.example/authorize?x=1' });
    expect(await startBrandSignIn('tok')).toEqual({ url: 'https://brand.example/authorize?x=1' });
    expect(sent(fetch)).toMatchObject({ url: '/auth/oidc/start', method: 'POST', body: '{}' });
  });

  it.each([
    [409, { error: 'lastCredential' }, 'lastCredential'],
    [404, { error: 'deviceNotFound' }, 'deviceNotFound'],
    [400, { error: 'codeInvalid' }, 'codeInvalid'],
    [429, {}, 'rateLimited'],
    [500, { error: 'somethingNew' }, 'internal'],
  ] as const)('turns a %i answer into the %s code the member reads', async (status, body, code) => {
    answer(status, body);
    const error = await removeCredential('tok', 'cred-1').catch((caught: unknown) => caught);
    expect(errorCodeOf(error)).toBe(code);
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );
    const error = await fetchDevices('tok').catch((caught: unknown) => caught);
    expect(errorCodeOf(error, 'network')).toBe('network');
  });
});
