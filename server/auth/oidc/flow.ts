import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import * as client from 'openid-client';
import type { AppContext } from '../../context.ts';
import { authChallenges } from '../../db/schema.ts';
import { takeChallenge } from '../challenges.ts';
import type { Proof } from '../credential-sign-in.ts';
import { type OidcProvider, OidcUnavailable } from './provider.ts';

/**
 * "Sign in with <brand>": OpenID Connect's authorization code flow with PKCE. Start stores what the callback must
 * check (state, nonce, PKCE verifier, the redirect URI used) in auth_challenges and answers the brand's authorization
 * URL; the callback takes that challenge up (single use, whatever happens next), exchanges the code with the
 * verifier, and lets openid-client check the ID token: signature, issuer, audience, nonce, expiry. The brand's `sub`
 * under its issuer is the credential's subject: never an email, which a brand may let members change or reuse.
 */

/** A brand login must come back within this long (a slow password manager, a two-factor prompt). */
export const OIDC_CHALLENGE_TTL_MS = 10 * 60_000;

/** What a challenge row keeps between start and callback. */
interface OidcChallengeData {
  nonce: string;
  codeVerifier: string;
  /** SHA-256 of the browser binding: the callback must arrive in the browser that started (its cookie). */
  browserHash: string;
  /** The exact redirect_uri sent at start; the token request must repeat it. */
  redirectUri: string;
  /** The display name of a member this login creates (a first visit through the brand). */
  name: string | null;
  /** The browser session that started it, ended when the brand login upgrades that same member. */
  deviceId: string | null;
  /** Where the callback sends the browser back: the lounge, or the brand console (a fixed list, no open redirect). */
  returnTo: OidcReturnTo;
}

/** The pages a brand login may return to. */
export const OIDC_RETURN_TO = ['/', '/console'] as const;
export type OidcReturnTo = (typeof OIDC_RETURN_TO)[number];
const isReturnTo = (value: unknown): value is OidcReturnTo => OIDC_RETURN_TO.includes(value as OidcReturnTo);

/** Who started a brand login, and what to call a member it creates. */
export interface OidcStart {
  /** The exact callback URL of this lounge, as registered at the brand. */
  redirectUri: string;
  /** The signed-in member the brand account is to be added to; null when nobody is signed in. */
  memberId: string | null;
  deviceId: string | null;
  name: string | undefined;
  returnTo: OidcReturnTo;
}

/** The challenge rows are keyed by the state's hash: a leaked database row does not help forge a callback. */
export const oidcChallengeId = (state: string) =>
  createHash('sha256').update(`oidc ${state}`).digest('base64url');

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

/**
 * Stores a fresh challenge and answers the brand's authorization URL to send the browser to, and the browser binding:
 * a secret the route puts in a short-lived HttpOnly cookie for the callback path. A callback that arrives without it
 * was not started by this browser (someone else's login link, or a callback URL passed around) and is refused: no
 * one can link their brand account to a victim's member, or sign a victim into their own account, by sending a link.
 */
export async function startOidcSignIn(
  ctx: AppContext,
  provider: OidcProvider,
  start: OidcStart,
): Promise<{ url: URL; browserBinding: string }> {
  const configuration = await provider.configuration();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const codeChallenge = await client.calculatePKCECodeChallenge(codeVerifier);
  const browserBinding = randomBytes(24).toString('base64url');
  const now = new Date(ctx.clock.now());
  const db = ctx.ledger.db;
  await db
    .delete(authChallenges)
    .where(and(eq(authChallenges.kind, 'oidc'), lt(authChallenges.expiresAt, now)));
  const data: OidcChallengeData = {
    nonce,
    codeVerifier,
    browserHash: sha256(browserBinding),
    redirectUri: start.redirectUri,
    name: start.name ?? null,
    deviceId: start.deviceId,
    returnTo: start.returnTo,
  };
  await db.insert(authChallenges).values({
    id: oidcChallengeId(state),
    kind: 'oidc',
    memberId: start.memberId,
    data: { ...data },
    createdAt: now,
    expiresAt: new Date(now.getTime() + OIDC_CHALLENGE_TTL_MS),
  });
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: start.redirectUri,
    response_type: 'code',
    scope: provider.settings.scopes,
    state,
    nonce,
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
  });
  return { url, browserBinding };
}

/** A callback that checked out: the credential to sign in with, and who started the login. */
export interface OidcProven {
  ok: true;
  proof: Proof & { kind: 'oidc'; subject: string; label: string; externalId: string | null };
  memberId: string | null;
  deviceId: string | null;
  name: string | undefined;
  returnTo: OidcReturnTo;
}

/** A callback that did not: `oidcFailed` (wrong, replayed, cancelled) or `oidcUnavailable` (brand unreachable). */
export interface OidcRefused {
  ok: false;
  code: 'oidcFailed' | 'oidcUnavailable';
  /** For the log: never a token, code or claim value. */
  detail: string;
  /** The page that started the login, once its challenge is known ('/' before). */
  returnTo: OidcReturnTo;
}

const failed = (detail: string, returnTo: OidcReturnTo = '/'): OidcRefused => ({
  ok: false,
  code: 'oidcFailed',
  detail,
  returnTo,
});

/**
 * Checks a callback's query (the brand's redirect) and answers the proven credential. The state is used up before
 * anything else is looked at, so a callback works once, and an error, a cancel or a bad token ends that login.
 */
export async function finishOidcSignIn(
  ctx: AppContext,
  provider: OidcProvider,
  query: URLSearchParams,
  browserBinding: string | undefined,
): Promise<OidcProven | OidcRefused> {
  const states = query.getAll('state');
  const state = states[0];
  if (states.length !== 1 || !state || state.length > 200) return failed('no single state parameter');
  const challenge = await takeOidcChallenge(ctx, state);
  if (!challenge) return failed('unknown, expired or used state');
  const { data } = challenge;
  const { returnTo } = data;
  if (!browserBinding || !sameText(sha256(browserBinding), data.browserHash))
    return failed('the callback arrived in another browser than the one that started the login', returnTo);
  // The brand said no (cancelled, access denied, its own error): nothing to exchange.
  if (query.has('error'))
    return failed(`the provider answered error=${query.get('error')?.slice(0, 60)}`, returnTo);
  if (query.getAll('code').length !== 1) return failed('no single code parameter', returnTo);

  let configuration: client.Configuration;
  try {
    configuration = await provider.configuration();
  } catch (error) {
    return { ok: false, code: 'oidcUnavailable', detail: describe(error), returnTo };
  }
  // The URL the brand redirected to, rebuilt from the redirect URI stored at start (never from the Host header).
  const currentUrl = new URL(data.redirectUri);
  currentUrl.search = query.toString();
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: data.codeVerifier,
      expectedState: state,
      expectedNonce: data.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    return {
      ok: false,
      code: unreachable(error) ? 'oidcUnavailable' : 'oidcFailed',
      detail: describe(error),
      returnTo,
    };
  }
  const claims = tokens.claims();
  if (!claims) return failed('no ID token', returnTo);
  const externalId =
    claimText(claims[provider.settings.memberClaim]) ??
    (await userinfoClaim(ctx, configuration, tokens.access_token, claims.sub, provider.settings.memberClaim));
  return {
    ok: true,
    proof: {
      kind: 'oidc',
      subject: `${claims.iss} ${claims.sub}`,
      label: provider.settings.name,
      externalId,
    },
    memberId: challenge.memberId,
    deviceId: data.deviceId,
    name: data.name ?? undefined,
    returnTo,
  };
}

/** Uses a challenge up atomically; undefined when unknown, expired or already used. */
async function takeOidcChallenge(
  ctx: AppContext,
  state: string,
): Promise<{ memberId: string | null; data: OidcChallengeData } | undefined> {
  const now = new Date(ctx.clock.now());
  const row = await takeChallenge(ctx.ledger.db, 'oidc', oidcChallengeId(state), now);
  if (!row) return undefined;
  const data = row.data as Partial<OidcChallengeData>;
  if (
    typeof data.nonce !== 'string' ||
    typeof data.codeVerifier !== 'string' ||
    typeof data.browserHash !== 'string' ||
    typeof data.redirectUri !== 'string'
  )
    return undefined;
  return {
    memberId: row.memberId,
    data: {
      nonce: data.nonce,
      codeVerifier: data.codeVerifier,
      browserHash: data.browserHash,
      redirectUri: data.redirectUri,
      name: typeof data.name === 'string' ? data.name : null,
      deviceId: typeof data.deviceId === 'string' ? data.deviceId : null,
      returnTo: isReturnTo(data.returnTo) ? data.returnTo : '/',
    },
  };
}

function sameText(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** A member number as text: a string or a number claim; anything else (absent, an object) is none. */
function claimText(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 200);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * Many providers put profile claims in userinfo only (the ID token of a code flow carries the bare minimum): ask it
 * for the member number. A failure here costs only the external id, never the sign-in.
 */
async function userinfoClaim(
  ctx: AppContext,
  configuration: client.Configuration,
  accessToken: string,
  sub: string,
  claim: string,
): Promise<string | null> {
  if (!configuration.serverMetadata().userinfo_endpoint) return null;
  try {
    const userinfo = await client.fetchUserInfo(configuration, accessToken, sub);
    return claimText(userinfo[claim]);
  } catch (error) {
    ctx.logger.warn(
      { detail: describe(error) },
      'oidc: userinfo failed; signing in without the member number',
    );
    return null;
  }
}

/** Network failures and timeouts (the brand is down) rather than a wrong answer. */
function unreachable(error: unknown): boolean {
  if (error instanceof OidcUnavailable) return true;
  const code = (error as { code?: unknown })?.code;
  if (code === 'OAUTH_TIMEOUT' || code === 'OAUTH_ABORT') return true;
  if (error instanceof client.ResponseBodyError || error instanceof client.AuthorizationResponseError)
    return false;
  // fetch throws TypeError('fetch failed') with the socket error as its cause.
  return error instanceof TypeError || (error as { cause?: unknown })?.cause instanceof TypeError;
}

/** An error's class, code and message for the log (openid-client's messages name the failed check, not values). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown; error?: unknown }).error ?? (error as { code?: unknown }).code;
  return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${error.message}`.slice(0, 300);
}
