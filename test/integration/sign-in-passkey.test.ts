import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authChallenges, deviceSessions, memberCredentials } from '../../server/db/schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { REFRESH_COOKIE } from '../../shared/protocol/sign-in.ts';
import { startTestLayover } from '../support/layover.ts';
import { type CeremonyOverrides, SoftAuthenticator } from '../support/soft-authenticator.ts';

/**
 * Passkeys against a real server on `localhost` (WebAuthn refuses IP addresses as RP ids), with a software
 * authenticator: a signed-in guest adds a passkey, a second device with no cookie signs in with it and is the same
 * member; every bad answer (another RP id or origin, a replay, a counter going backwards, no user verification, an
 * unknown credential, no session) gets its code and changes nothing.
 */

let layover: RunningLayover;
/** The lounge as a browser opens it: localhost on the server's port (the RP id is `localhost`). */
let origin: string;

beforeAll(async () => {
  layover = await startTestLayover();
  origin = `http://localhost:${new URL(layover.url).port}`;
});

afterAll(async () => {
  await layover?.stop();
});

interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
  body: any;
  cookie: string | null;
}

/** POSTs JSON as a browser without cookies would (each call a fresh "device" unless it sends a token). */
async function post(
  path: string,
  body: unknown = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json(), cookie: response.headers.get('set-cookie') };
}

async function guest(name: string): Promise<{ token: string; memberId: string }> {
  const reply = await post(routes.guestSignIn.path, { name });
  expect(reply.status).toBe(200);
  return { token: reply.body.token, memberId: reply.body.member.id };
}

async function me(token: string) {
  const response = await fetch(`${origin}${routes.me.path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  // biome-ignore lint/suspicious/noExplicitAny: checked by expectations
  return { status: response.status, body: (await response.json()) as any };
}

async function registrationOptions(token?: string) {
  return post(routes.passkeyRegisterOptions.path, {}, token);
}

/** A full registration ceremony; `overrides` bend the authenticator's answer. */
async function register(
  authenticator: SoftAuthenticator,
  token: string,
  overrides: Partial<CeremonyOverrides> = {},
): Promise<Reply & { credentialId: string }> {
  const options = await registrationOptions(token);
  expect(options.status).toBe(200);
  const response = authenticator.register(options.body.options as PublicKeyCredentialCreationOptionsJSON, {
    origin,
    ...overrides,
  });
  const reply = await post(
    routes.passkeyRegisterVerify.path,
    { challengeId: options.body.challengeId, response },
    token,
  );
  return { ...reply, credentialId: response.id };
}

async function loginOptions(): Promise<{
  challengeId: string;
  options: PublicKeyCredentialRequestOptionsJSON;
}> {
  const reply = await post(routes.passkeyLoginOptions.path);
  expect(reply.status).toBe(200);
  return reply.body;
}

/** A full login ceremony from a browser with no cookie (unless `token` is sent, a guest signed in there). */
async function login(
  authenticator: SoftAuthenticator,
  overrides: Partial<CeremonyOverrides> & { credentialId?: string; counter?: number } = {},
  token?: string,
) {
  const { challengeId, options } = await loginOptions();
  const response = authenticator.authenticate(options, { origin, ...overrides });
  const reply = await post(routes.passkeyLoginVerify.path, { challengeId, response }, token);
  return { ...reply, challengeId, response };
}

const db = () => layover.ctx.ledger.db;

async function storedPasskey(credentialId: string) {
  const [row] = await db()
    .select()
    .from(memberCredentials)
    .where(and(eq(memberCredentials.kind, 'passkey'), eq(memberCredentials.subject, credentialId)));
  return row;
}

async function deviceCount(memberId: string): Promise<number> {
  const [row] = await db()
    .select({ n: count() })
    .from(deviceSessions)
    .where(eq(deviceSessions.memberId, memberId));
  return row?.n ?? 0;
}

describe('passkeys', () => {
  const authenticator = new SoftAuthenticator();
  let owner: { token: string; memberId: string };
  let credentialId: string;

  it('lets a signed-in guest add a discoverable passkey (user verification required); it becomes a credential', async () => {
    owner = await guest('Paz');
    const options = await registrationOptions(owner.token);
    expect(options.status).toBe(200);
    expect(options.body.options).toMatchObject({
      rp: { id: 'localhost', name: 'Layover Lounge' },
      user: { name: 'Paz', displayName: 'Paz' },
      attestation: 'none',
      excludeCredentials: [],
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    expect(options.body.challengeId).toMatch(/^[\w-]{20,}$/);

    const registered = await register(authenticator, owner.token);
    expect(registered.status).toBe(200);
    expect(registered.body).toMatchObject({
      kind: 'passkey',
      label: 'Passkey',
    });
    credentialId = registered.credentialId;
    expect(await storedPasskey(credentialId)).toMatchObject({
      memberId: owner.memberId,
      counter: 0,
      transports: ['internal'],
      publicKey: expect.stringMatching(/^[\w-]{60,}$/),
      lastUsedAt: null,
    });
    // A second passkey on the same authenticator is excluded from now on.
    const again = await registrationOptions(owner.token);
    expect(again.body.options.excludeCredentials).toEqual([
      { id: credentialId, type: 'public-key', transports: ['internal'] },
    ]);
  });

  it('signs the same member in on a second device with no cookie: a passkey session, the refresh cookie, counter saved', async () => {
    const { challengeId, options } = await loginOptions();
    expect(options).toMatchObject({ rpId: 'localhost', userVerification: 'required' });
    expect(options.allowCredentials ?? []).toEqual([]);
    const response = authenticator.authenticate(options, { origin });
    const reply = await post(routes.passkeyLoginVerify.path, { challengeId, response });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      status: 'signedIn',
      kind: 'passkey',
      linked: false,
      member: { id: owner.memberId, name: 'Paz', lasting: true },
    });
    expect(reply.cookie).toContain(`${REFRESH_COOKIE}=`);
    expect(await me(reply.body.token)).toMatchObject({
      status: 200,
      body: { kind: 'passkey', member: { id: owner.memberId, name: 'Paz' } },
    });
    const stored = await storedPasskey(credentialId);
    expect(stored?.counter).toBe(1);
    expect(stored?.lastUsedAt).toBeInstanceOf(Date);
  });

  /** Each bad login answer: its status and code, and nothing changes (counter, last use, no session, no cookie). */
  async function refusedLogin(attempt: () => Promise<Reply>, status: number, code: string): Promise<void> {
    const before = await storedPasskey(credentialId);
    const devices = await deviceCount(owner.memberId);
    const reply = await attempt();
    expect({ status: reply.status, error: reply.body.error }).toEqual({ status, error: code });
    expect(reply.cookie).toBeNull();
    expect(reply.body.token).toBeUndefined();
    const after = await storedPasskey(credentialId);
    expect({ counter: after?.counter, lastUsedAt: after?.lastUsedAt }).toEqual({
      counter: before?.counter,
      lastUsedAt: before?.lastUsedAt,
    });
    expect(await deviceCount(owner.memberId)).toBe(devices);
  }

  it('refuses an assertion for another RP id', async () => {
    await refusedLogin(() => login(authenticator, { rpId: 'evil.example' }), 401, 'passkeyInvalid');
  });

  it('refuses an assertion made on another origin', async () => {
    await refusedLogin(() => login(authenticator, { origin: 'https://evil.example' }), 401, 'passkeyInvalid');
  });

  it('refuses a replayed assertion: its challenge was used, and a fresh challenge does not match it', async () => {
    const first = await login(authenticator);
    expect(first.status).toBe(200);
    await refusedLogin(
      () =>
        post(routes.passkeyLoginVerify.path, { challengeId: first.challengeId, response: first.response }),
      401,
      'passkeyInvalid',
    );
    await refusedLogin(
      async () =>
        post(routes.passkeyLoginVerify.path, {
          challengeId: (await loginOptions()).challengeId,
          response: first.response,
        }),
      401,
      'passkeyInvalid',
    );
  });

  it('uses a challenge up even when the answer fails: the honest retry needs a new one', async () => {
    const { challengeId, options } = await loginOptions();
    const bad = authenticator.authenticate(options, { origin, userVerified: false });
    expect((await post(routes.passkeyLoginVerify.path, { challengeId, response: bad })).body.error).toBe(
      'passkeyInvalid',
    );
    const good = authenticator.authenticate(options, { origin });
    await refusedLogin(
      () => post(routes.passkeyLoginVerify.path, { challengeId, response: good }),
      401,
      'passkeyInvalid',
    );
  });

  it('refuses a counter that goes backwards, or stays where it was', async () => {
    const stored = (await storedPasskey(credentialId))?.counter ?? 0;
    expect(stored).toBeGreaterThan(1);
    await refusedLogin(() => login(authenticator, { counter: stored - 1 }), 401, 'passkeyInvalid');
    await refusedLogin(() => login(authenticator, { counter: stored }), 401, 'passkeyInvalid');
  });

  it('refuses an assertion without user verification', async () => {
    await refusedLogin(() => login(authenticator, { userVerified: false }), 401, 'passkeyInvalid');
  });

  it('refuses a passkey this lounge never registered', async () => {
    const stranger = new SoftAuthenticator();
    stranger.register(
      {
        rp: { id: 'localhost', name: 'x' },
        user: { id: 'dXNlcg', name: 'x', displayName: 'x' },
        challenge: 'Y2hhbGxlbmdl',
        pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
      },
      { origin },
    );
    await refusedLogin(() => login(stranger), 401, 'passkeyUnknown');
  });

  it('refuses a body that is not a WebAuthn answer (400)', async () => {
    await refusedLogin(() => post(routes.passkeyLoginVerify.path, { response: {} }), 400, 'passkeyInvalid');
    await refusedLogin(
      () => post(routes.passkeyLoginVerify.path, { challengeId: 'x'.repeat(20), response: 'nope' }),
      400,
      'passkeyInvalid',
    );
  });

  it('refuses an answer on an expired challenge (five minutes)', async () => {
    await refusedLogin(
      async () => {
        const { challengeId, options } = await loginOptions();
        await db()
          .update(authChallenges)
          .set({ expiresAt: new Date(Date.now() - 1000) })
          .where(eq(authChallenges.id, challengeId));
        const response = authenticator.authenticate(options, { origin });
        return post(routes.passkeyLoginVerify.path, { challengeId, response });
      },
      401,
      'passkeyInvalid',
    );
  });

  it('never moves a registered passkey to another member: registering it again is credentialInUse', async () => {
    const before = await storedPasskey(credentialId);
    const other = await guest('Borrower');
    const options = await registrationOptions(other.token);
    const response = authenticator.register(options.body.options, { origin, reuse: credentialId });
    expect(response.id).toBe(credentialId);
    const reply = await post(
      routes.passkeyRegisterVerify.path,
      { challengeId: options.body.challengeId, response },
      other.token,
    );
    expect(reply).toMatchObject({ status: 409, body: { error: 'credentialInUse' } });
    expect(await storedPasskey(credentialId)).toEqual(before);
  });

  it('still signs in honestly after all that, with the counter moving on', async () => {
    const before = (await storedPasskey(credentialId))?.counter ?? 0;
    const reply = await login(authenticator);
    expect(reply.status).toBe(200);
    expect(reply.body.member.id).toBe(owner.memberId);
    expect((await storedPasskey(credentialId))?.counter).toBeGreaterThan(before);
  });

  it('offers "continue as that member" to another guest who signs in with the passkey', async () => {
    const other = await guest('Drifter');
    const reply = await login(authenticator, {}, other.token);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'mergeOffer', member: { name: 'Paz' } });
    expect(reply.body.token).toBeUndefined();
  });

  it('adds a passkey only for a signed-in member', async () => {
    expect(await registrationOptions()).toMatchObject({ status: 401, body: { error: 'signInRequired' } });
    const options = await registrationOptions(owner.token);
    const response = new SoftAuthenticator().register(options.body.options, { origin });
    const reply = await post(routes.passkeyRegisterVerify.path, {
      challengeId: options.body.challengeId,
      response,
    });
    expect(reply).toMatchObject({ status: 401, body: { error: 'signInRequired' } });
    expect(await storedPasskey(response.id)).toBeUndefined();
  });

  it('refuses a registration without user verification, for another RP or origin, or on a stranger’s challenge', async () => {
    const newcomer = await guest('Nova');
    const cases: [Partial<CeremonyOverrides>, string][] = [
      [{ userVerified: false }, 'no UV'],
      [{ rpId: 'evil.example' }, 'other RP id'],
      [{ origin: 'https://evil.example' }, 'other origin'],
    ];
    for (const [overrides, what] of cases) {
      const reply = await register(new SoftAuthenticator(), newcomer.token, overrides);
      expect({ what, status: reply.status, error: reply.body.error }).toEqual({
        what,
        status: 401,
        error: 'passkeyInvalid',
      });
      expect(await storedPasskey(reply.credentialId)).toBeUndefined();
    }
    // The owner's challenge, answered by the newcomer.
    const ownersOptions = await registrationOptions(owner.token);
    const response = new SoftAuthenticator().register(ownersOptions.body.options, { origin });
    const stolen = await post(
      routes.passkeyRegisterVerify.path,
      { challengeId: ownersOptions.body.challengeId, response },
      newcomer.token,
    );
    expect(stolen).toMatchObject({ status: 401, body: { error: 'passkeyInvalid' } });
    expect(await storedPasskey(response.id)).toBeUndefined();
    // A replayed registration: the same answer on its used challenge.
    const honest = await registrationOptions(newcomer.token);
    const answer = new SoftAuthenticator().register(honest.body.options, { origin });
    const body = { challengeId: honest.body.challengeId, response: answer };
    // Named by the browser it was made on.
    const android =
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';
    expect(
      await post(routes.passkeyRegisterVerify.path, body, newcomer.token, { 'user-agent': android }),
    ).toMatchObject({
      status: 200,
      body: { kind: 'passkey', label: 'Chrome on Android' },
    });
    expect(await post(routes.passkeyRegisterVerify.path, body, newcomer.token)).toMatchObject({
      status: 401,
      body: { error: 'passkeyInvalid' },
    });
    expect(await post(routes.passkeyRegisterVerify.path, { response: {} }, newcomer.token)).toMatchObject({
      status: 400,
      body: { error: 'passkeyInvalid' },
    });
  });
});
