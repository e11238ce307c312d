import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oidcChallengeId } from '../../server/auth/oidc/flow.ts';
import type { OidcSettings } from '../../server/auth/oidc/settings.ts';
import type { Config } from '../../server/config.ts';
import {
  authChallenges,
  deviceSessions,
  memberCredentials,
  members,
  sessions,
} from '../../server/db/schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { REFRESH_COOKIE, type SignInOptions } from '../../shared/protocol/sign-in.ts';
import { startTestLayover } from '../support/layover.ts';
import { brandLogin, type RunningOidcProvider, startOidcProvider } from '../support/oidc-provider.ts';

/**
 * "Sign in with <brand>" against a real OpenID provider (node-oidc-provider) started here, on a real Layover: the
 * authorization code flow with PKCE end to end, linking to a signed-in guest, and the bad callbacks (wrong or reused
 * state, wrong nonce, a code for another client, another issuer, no code, the provider's error) that must each come
 * back with `signInError` and change nothing.
 */

const CLIENT = { clientId: 'layover-lounge', clientSecret: 'layover-lounge-secret-0123456789abcdef' };
const OTHER_CLIENT = { clientId: 'other-app', clientSecret: 'other-app-secret-0123456789abcdef' };
const BRAND_NAME = 'Skyway Miles';
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const ACCOUNTS = [
  { sub: 'sky-1001', claims: { name: 'Mia Chen', member_id: 'SKY-1001' } },
  { sub: 'sky-2002', claims: { name: 'Leo Tran', member_id: 'SKY-2002' } },
  { sub: 'sky-3003', claims: { name: 'Ana Ruiz', member_id: 'SKY-3003' } },
];

let brand: RunningOidcProvider;
/** Another brand's provider, whose tokens this lounge must never take. */
let stranger: RunningOidcProvider;
let layover: RunningLayover;

beforeAll(async () => {
  [brand, stranger] = await Promise.all([startOidcProvider(), startOidcProvider()]);
  const oidc: OidcSettings = {
    issuer: brand.issuer,
    ...CLIENT,
    name: BRAND_NAME,
    scopes: 'openid profile',
    memberClaim: 'member_id',
  };
  layover = await startTestLayover({ oidc, walletConnectProjectId: PROJECT_ID } as Partial<Config>);
  const port = new URL(layover.url).port;
  const redirectUris = [
    ...new Set([
      `${layover.url}${routes.oidcCallback.path}`,
      `http://127.0.0.1:${port}${routes.oidcCallback.path}`,
      `http://localhost:${port}${routes.oidcCallback.path}`,
    ]),
  ];
  brand.configure({
    clients: [
      { ...CLIENT, redirectUris },
      { ...OTHER_CLIENT, redirectUris },
    ],
    accounts: ACCOUNTS,
  });
  // The stranger knows the same client id and redirect URI: only the issuer tells its tokens apart.
  stranger.configure({ clients: [{ ...CLIENT, redirectUris }], accounts: ACCOUNTS });
});

afterAll(async () => {
  await layover?.stop();
  await Promise.all([brand?.stop(), stranger?.stop()]);
});

const url = (path: string) => `${layover.url}${path}`;

/** The browser-binding cookie each login's start set, by state: `arrive` sends it back like the same browser would. */
const browserCookies = new Map<string, string>();

/** POST start, with a bearer token when a member is signed in; answers the authorization URL. */
async function startLogin(options: { name?: string; token?: string } = {}): Promise<URL> {
  const response = await fetch(url(routes.oidcStart.path), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify(options.name ? { name: options.name } : {}),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { url: string };
  const authorization = new URL(body.url);
  const [binding] = response.headers.getSetCookie().filter((line) => line.startsWith('layover_oidc='));
  expect(binding).toMatch(/HttpOnly/i);
  expect(binding).toMatch(/SameSite=Lax/i);
  expect(binding).toContain(`Path=${routes.oidcCallback.path}`);
  browserCookies.set(
    authorization.searchParams.get('state') as string,
    (binding as string).split(';')[0] as string,
  );
  return authorization;
}

interface CallbackAnswer {
  status: number;
  /** Where the lounge sends the browser, parsed against the lounge's URL. */
  location: URL;
  /** `layover_refresh=<value>` when the callback set a refresh cookie. */
  cookie: string | undefined;
}

/**
 * The browser arriving at the lounge's callback (the URL the provider redirected to): by default the browser that
 * started that login (with its binding cookie), or another one.
 */
async function arrive(callback: URL, browser: 'same' | 'other' = 'same'): Promise<CallbackAnswer> {
  const binding =
    browser === 'same' ? browserCookies.get(callback.searchParams.get('state') ?? '') : undefined;
  const response = await fetch(url(`${callback.pathname}${callback.search}`), {
    redirect: 'manual',
    headers: binding ? { cookie: binding } : {},
  });
  await response.arrayBuffer();
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] as string)
    .find((pair) => pair.startsWith(`${REFRESH_COOKIE}=`) && pair.length > REFRESH_COOKIE.length + 1);
  return {
    status: response.status,
    location: new URL(response.headers.get('location') ?? '', layover.url),
    cookie,
  };
}

/** The whole flow: start, the brand's login as `account`, and the callback. */
async function signInWithBrand(account: string, options: { name?: string; token?: string } = {}) {
  return arrive(await brandLogin(await startLogin(options), { account }));
}

/** What the page does next: POST /auth/refresh with the cookie, for the signed-in answer. */
async function refresh(cookie: string) {
  const response = await fetch(url(routes.refresh.path), {
    method: 'POST',
    headers: { cookie, origin: layover.url },
  });
  expect(response.status).toBe(200);
  // biome-ignore lint/suspicious/noExplicitAny: checked by the expectations
  return (await response.json()) as any;
}

async function guest(name: string): Promise<{ token: string; memberId: string }> {
  const response = await fetch(url(routes.guestSignIn.path), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { token: string; member: { id: string } };
  return { token: body.token, memberId: body.member.id };
}

async function meStatus(token: string): Promise<number> {
  const response = await fetch(url(routes.me.path), { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  return response.status;
}

async function credentialOf(sub: string) {
  const [row] = await layover.ctx.ledger.db
    .select()
    .from(memberCredentials)
    .where(eq(memberCredentials.subject, `${brand.issuer} ${sub}`));
  return row;
}

/** Row counts of everything a sign-in could create. */
async function snapshot() {
  const db = layover.ctx.ledger.db;
  const rows = async (
    table: typeof members | typeof memberCredentials | typeof deviceSessions | typeof sessions,
  ) => (await db.select({ n: count() }).from(table))[0]?.n;
  return {
    members: await rows(members),
    credentials: await rows(memberCredentials),
    devices: await rows(deviceSessions),
    sessions: await rows(sessions),
  };
}

function expectRefused(answer: CallbackAnswer, code: string) {
  expect(answer.status).toBe(303);
  expect(answer.location.pathname).toBe('/');
  expect(Object.fromEntries(answer.location.searchParams)).toEqual({ signInError: code });
  expect(answer.cookie).toBeUndefined();
}

describe('Sign in with the brand (OpenID Connect)', () => {
  it('lists the brand login, WalletConnect project id and prize rule in the sign-in options', async () => {
    const response = await fetch(url(routes.signInOptions.path));
    expect(response.status).toBe(200);
    const options = (await response.json()) as SignInOptions;
    expect(options).toMatchObject({
      email: true,
      oidc: { name: BRAND_NAME },
      walletConnectProjectId: PROJECT_ID,
      prizeRequires: 'lasting',
    });
    // No PUBLIC_URL: the lounge is reached as localhost, a name WebAuthn accepts.
    expect(options.passkeys).toBe(true);
  });

  it("creates a member on a first brand login, keeping the brand's member number; the same account signs them in again", async () => {
    const before = await snapshot();
    const first = await signInWithBrand('sky-1001', { name: 'Mia' });
    expect(first.status).toBe(303);
    expect(`${first.location.pathname}${first.location.search}`).toBe('/?signedIn=oidc');
    expect(first.cookie).toBeDefined();
    const signedIn = await refresh(first.cookie as string);
    expect(signedIn).toMatchObject({
      status: 'signedIn',
      kind: 'oidc',
      member: { name: 'Mia', lasting: true },
    });
    expect(await credentialOf('sky-1001')).toMatchObject({
      memberId: signedIn.member.id,
      kind: 'oidc',
      label: BRAND_NAME,
      externalId: 'SKY-1001',
    });
    expect((await snapshot()).members).toBe((before.members ?? 0) + 1);

    // Another browser, later: the same brand account is the same member (the name offered is not used).
    const again = await signInWithBrand('sky-1001', { name: 'Somebody Else' });
    expect(`${again.location.pathname}${again.location.search}`).toBe('/?signedIn=oidc');
    const secondBrowser = await refresh(again.cookie as string);
    expect(secondBrowser.member).toMatchObject({ id: signedIn.member.id, name: 'Mia' });
    expect((await snapshot()).members).toBe((before.members ?? 0) + 1);
    expect(await meStatus(secondBrowser.token)).toBe(200);
  });

  it('adds the brand account to a signed-in guest, who keeps their member and is now lasting', async () => {
    const leo = await guest('Leo');
    const answer = await signInWithBrand('sky-2002', { token: leo.token });
    expect(`${answer.location.pathname}${answer.location.search}`).toBe('/?signedIn=oidc');
    const signedIn = await refresh(answer.cookie as string);
    expect(signedIn).toMatchObject({
      kind: 'oidc',
      member: { id: leo.memberId, name: 'Leo', lasting: true },
    });
    expect(await credentialOf('sky-2002')).toMatchObject({ memberId: leo.memberId, externalId: 'SKY-2002' });
    // One browser, one session: the guest's was upgraded or replaced, never left beside the brand one.
    const live = await layover.ctx.ledger.db
      .select({ kind: deviceSessions.kind })
      .from(deviceSessions)
      .where(and(eq(deviceSessions.memberId, leo.memberId), isNull(deviceSessions.revokedAt)));
    expect(live).toEqual([{ kind: 'oidc' }]);

    // Leo now has a lasting identity: another member's brand account is refused, never moved.
    const before = await snapshot();
    const refused = await signInWithBrand('sky-1001', { token: signedIn.token });
    expectRefused(refused, 'credentialInUse');
    expect(await snapshot()).toEqual(before);
    expect((await credentialOf('sky-1001'))?.memberId).not.toBe(leo.memberId);
    expect(await meStatus(signedIn.token)).toBe(200);
  });

  it("offers a guest who proves another member's brand account to continue as that member", async () => {
    const sam = await guest('Sam');
    const answer = await signInWithBrand('sky-1001', { token: sam.token });
    expect(answer.status).toBe(303);
    expect(answer.location.pathname).toBe('/');
    expect(answer.location.searchParams.get('mergeName')).toBe('Mia');
    const ticket = answer.location.searchParams.get('mergeTicket') as string;
    expect(ticket.length).toBeGreaterThanOrEqual(20);
    expect([...answer.location.searchParams.keys()].sort()).toEqual(['mergeName', 'mergeTicket']);
    // Nothing else travels in the URL, and the guest stays signed in as the guest until they accept.
    expect(answer.cookie).toBeUndefined();
    expect(await meStatus(sam.token)).toBe(200);
    const [offer] = await layover.ctx.ledger.db
      .select()
      .from(authChallenges)
      .where(eq(authChallenges.id, ticket));
    expect(offer).toMatchObject({ kind: 'merge', memberId: sam.memberId, consumedAt: null });
  });
});

describe('bad brand callbacks come back with signInError and change nothing', () => {
  it('a state this lounge never issued, or none at all', async () => {
    const authorization = await startLogin();
    const callback = await brandLogin(authorization, { account: 'sky-3003' });
    const before = await snapshot();
    const forged = new URL(callback);
    forged.searchParams.set('state', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expectRefused(await arrive(forged), 'oidcFailed');
    const stateless = new URL(callback);
    stateless.searchParams.delete('state');
    expectRefused(await arrive(stateless), 'oidcFailed');
    expect(await snapshot()).toEqual(before);
    expect(await credentialOf('sky-3003')).toBeUndefined();
  });

  it('a callback replayed after it signed in (the state is single use)', async () => {
    const callback = await brandLogin(await startLogin(), { account: 'sky-1001' });
    const first = await arrive(callback);
    expect(first.location.searchParams.get('signedIn')).toBe('oidc');
    const before = await snapshot();
    expectRefused(await arrive(callback), 'oidcFailed');
    expect(await snapshot()).toEqual(before);
  });

  it('an ID token whose nonce is not the one this login stored', async () => {
    const authorization = await startLogin();
    const state = authorization.searchParams.get('state') as string;
    const tampered = await layover.ctx.ledger.db
      .update(authChallenges)
      .set({ data: sql`jsonb_set(${authChallenges.data}, '{nonce}', '"not-the-nonce-the-provider-signed"')` })
      .where(eq(authChallenges.id, oidcChallengeId(state)))
      .returning();
    expect(tampered).toHaveLength(1);
    const callback = await brandLogin(authorization, { account: 'sky-3003' });
    const before = await snapshot();
    expectRefused(await arrive(callback), 'oidcFailed');
    expect(await snapshot()).toEqual(before);
    expect(await credentialOf('sky-3003')).toBeUndefined();
  });

  it('a code issued to another client of the brand (a token for another audience)', async () => {
    const authorization = await startLogin();
    authorization.searchParams.set('client_id', OTHER_CLIENT.clientId);
    const callback = await brandLogin(authorization, { account: 'sky-3003' });
    expect(callback.searchParams.has('code')).toBe(true);
    const before = await snapshot();
    expectRefused(await arrive(callback), 'oidcFailed');
    expect(await snapshot()).toEqual(before);
    expect(await credentialOf('sky-3003')).toBeUndefined();
  });

  it('a login completed at another issuer', async () => {
    const authorization = await startLogin();
    const elsewhere = new URL(`${authorization.pathname}${authorization.search}`, stranger.issuer);
    const callback = await brandLogin(elsewhere, { account: 'sky-3003' });
    expect(callback.searchParams.get('iss')).toBe(stranger.issuer);
    const before = await snapshot();
    expectRefused(await arrive(callback), 'oidcFailed');
    expect(await snapshot()).toEqual(before);
    const [stray] = await layover.ctx.ledger.db
      .select()
      .from(memberCredentials)
      .where(eq(memberCredentials.subject, `${stranger.issuer} sky-3003`));
    expect(stray).toBeUndefined();
  });

  it('a callback without a code uses the state up', async () => {
    const authorization = await startLogin();
    const callback = await brandLogin(authorization, { account: 'sky-3003' });
    const codeless = new URL(callback);
    codeless.searchParams.delete('code');
    const before = await snapshot();
    expectRefused(await arrive(codeless), 'oidcFailed');
    // The real callback that follows finds its state already used.
    expectRefused(await arrive(callback), 'oidcFailed');
    expect(await snapshot()).toEqual(before);
    expect(await credentialOf('sky-3003')).toBeUndefined();
  });

  it("a login started by someone else, finished in a victim's browser (no binding cookie)", async () => {
    // An attacker signs in as a guest, starts adding a brand account to themselves, and sends the link to a victim.
    const attacker = await guest('Mallory');
    const authorization = await startLogin({ token: attacker.token });
    const callback = await brandLogin(authorization, { account: 'sky-3003' });
    const before = await snapshot();
    expectRefused(await arrive(callback, 'other'), 'oidcFailed');
    expect(await snapshot()).toEqual(before);
    expect(await credentialOf('sky-3003')).toBeUndefined();
    // The callback URL passed back to the attacker's browser is worthless too: its state is used up.
    expectRefused(await arrive(callback), 'oidcFailed');
    expect(await snapshot()).toEqual(before);
  });

  it('the provider answers with an error (the member cancelled)', async () => {
    const callback = await brandLogin(await startLogin(), { deny: true });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const before = await snapshot();
    expectRefused(await arrive(callback), 'oidcFailed');
    expect(await snapshot()).toEqual(before);
  });
});
