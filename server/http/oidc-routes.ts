import { type Application, type Request, type Response, Router } from 'express';
import { routes } from '../../shared/protocol/routes.ts';
import { OidcStartBody, REFRESH_COOKIE, type SignInErrorCode } from '../../shared/protocol/sign-in.ts';
import { SignInRefusal, signInWithProof } from '../auth/credential-sign-in.ts';
import { revokeDevice } from '../auth/device-sessions.ts';
import {
  finishOidcSignIn,
  OIDC_CHALLENGE_TTL_MS,
  type OidcReturnTo,
  startOidcSignIn,
} from '../auth/oidc/flow.ts';
import { OidcProvider, OidcUnavailable } from '../auth/oidc/provider.ts';
import { oidcSettings } from '../auth/oidc/settings.ts';
import { currentSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { KeyedRateLimiter } from '../domain/rate-limit.ts';
import { clientKey } from './client-ip.ts';
import { describeZodError, sendError } from './errors.ts';

/**
 * "Sign in with <brand>" (OpenID Connect, code flow with PKCE; see server/auth/oidc/). POST start answers the brand's
 * authorization URL for the page to navigate to (with a bearer token, the brand account is added to that member).
 * The brand sends the browser back to GET callback, a navigation that cannot read JSON: it sets the refresh cookie
 * like every sign-in and redirects (303) to `/?signedIn=oidc`, to `/?mergeTicket=..&mergeName=..` when a guest
 * proved a brand account that belongs to another member, or to `/?signInError=<code>` (oidcFailed, oidcUnavailable,
 * credentialInUse); a login started with `returnTo: '/console'` comes back to `/console?...` the same way. No token
 * ever goes in a URL besides that single-use, 10-minute merge ticket. Both answer `oidcUnavailable` when
 * OIDC_ISSUER is not set.
 */
export function mountOidcRoutes(app: Application, ctx: AppContext): void {
  const settings = oidcSettings(ctx.config);
  const provider = settings && new OidcProvider(settings);
  const router = Router();
  // Each start stores a challenge row and each callback may call the brand: a burst per address, then one a second.
  const limiter = new KeyedRateLimiter(30, 1);
  const limited = (req: Request) => !limiter.take(clientKey(req), Date.now());

  router.post(routes.oidcStart.path, async (req, res) => {
    res.set('cache-control', 'no-store');
    if (limited(req)) return sendError(res, 429, 'rateLimited', 'too many brand logins from this address');
    if (!provider)
      return sendError(res, 503, 'oidcUnavailable', 'the brand login is off (OIDC_ISSUER unset)');
    const body = OidcStartBody.safeParse(req.body ?? {});
    if (!body.success) return sendError(res, 400, 'invalidName', describeZodError(body.error));
    const redirectUri = callbackUrl(ctx, req);
    if (!redirectUri)
      return sendError(res, 503, 'oidcUnavailable', 'set PUBLIC_URL to use the brand login from this host');
    const session = await currentSession(ctx, req);
    try {
      const { url, browserBinding } = await startOidcSignIn(ctx, provider, {
        redirectUri,
        memberId: session?.member.id ?? null,
        deviceId: session?.deviceId ?? null,
        name: body.data.name,
        // The brand console's staff login comes back to /console (a fixed list: never an open redirect).
        returnTo: (body.data as { returnTo?: unknown }).returnTo === '/console' ? '/console' : '/',
      });
      res.cookie(OIDC_BROWSER_COOKIE, browserBinding, {
        httpOnly: true,
        // Lax: sent on the brand's top-level redirect back to the callback, never on a cross-site sub-request.
        sameSite: 'lax',
        secure: ctx.config.publicUrl?.startsWith('https:') === true,
        path: routes.oidcCallback.path,
        maxAge: OIDC_CHALLENGE_TTL_MS,
      });
      res.json({ url: url.href });
    } catch (error) {
      if (!(error instanceof OidcUnavailable)) throw error;
      ctx.logger.warn({ err: error.cause }, 'oidc: the brand login server cannot be reached');
      sendError(res, 503, 'oidcUnavailable', 'the brand login server cannot be reached');
    }
  });

  router.get(routes.oidcCallback.path, async (req, res) => {
    res.set('cache-control', 'no-store').set('referrer-policy', 'no-referrer');
    const back = (page: OidcReturnTo, query: Record<string, string>) =>
      res.redirect(303, `${page}?${new URLSearchParams(query).toString()}`);
    if (limited(req)) return back('/', { signInError: 'oidcFailed' });
    if (!provider) return back('/', { signInError: 'oidcUnavailable' });
    const query = new URL(req.originalUrl, 'http://callback.invalid').searchParams;
    const binding = browserBindingOf(req);
    if (binding !== undefined)
      res.clearCookie(OIDC_BROWSER_COOKIE, {
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.publicUrl?.startsWith('https:') === true,
        path: routes.oidcCallback.path,
      });
    const outcome = await finishOidcSignIn(ctx, provider, query, binding);
    if (!outcome.ok) {
      ctx.logger.info({ code: outcome.code, detail: outcome.detail }, 'oidc: callback refused');
      return back(outcome.returnTo, { signInError: outcome.code });
    }
    const page = outcome.returnTo;
    try {
      const options = {
        name: outcome.name,
        // The callback carries no Authorization header: the member (and browser session) that started the login is
        // the signed-in one.
        currentMemberId: outcome.memberId,
        currentDeviceId: outcome.deviceId,
      };
      const result = await signInWithProof(ctx, req, res, outcome.proof, options);
      if (result.status === 'mergeOffer')
        return back(page, { mergeTicket: result.ticket, mergeName: result.member.name });
      // The browser session that started a link is now signed in better. When it was not upgraded in place (the
      // refresh cookie just set names another session), end it: this browser's cookie was replaced.
      if (outcome.deviceId && outcome.memberId === result.member.id && !cookieNames(res, outcome.deviceId)) {
        const now = new Date(ctx.clock.now());
        await revokeDevice(ctx.ledger.db, outcome.deviceId, 'upgraded', now, outcome.memberId);
      }
      back(page, { signedIn: 'oidc' });
    } catch (error) {
      if (!(error instanceof SignInRefusal))
        ctx.logger.error({ err: error }, 'oidc: sign-in after a good callback failed');
      const code: SignInErrorCode =
        error instanceof SignInRefusal && error.code === 'credentialInUse' ? 'credentialInUse' : 'oidcFailed';
      back(page, { signInError: code });
    }
  });

  app.use(router);
}

/** The cookie that ties a brand login to the browser that started it (HttpOnly, the callback path only). */
export const OIDC_BROWSER_COOKIE = 'layover_oidc';

/** The browser binding cookie the request carries, or undefined. */
function browserBindingOf(req: Request): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== OIDC_BROWSER_COOKIE) continue;
    const value = rest.join('=');
    return /^[A-Za-z0-9_-]{16,64}$/.test(value) ? value : undefined;
  }
  return undefined;
}

/** Whether the refresh cookie set on this response belongs to browser session `deviceId`. */
function cookieNames(res: Response, deviceId: string): boolean {
  const header = res.getHeader('set-cookie');
  const lines = Array.isArray(header) ? header : typeof header === 'string' ? [header] : [];
  return lines.some((line) => line.startsWith(`${REFRESH_COOKIE}=${encodeURIComponent(deviceId)}.`));
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * This lounge's callback URL, exactly as registered at the brand: under PUBLIC_URL when set. Without it only a
 * loopback host on the port this socket really listens on is trusted (a Host header is the client's to choose), the
 * way Sign-In with Ethereum does; any other host gets undefined.
 */
function callbackUrl(ctx: AppContext, req: Request): string | undefined {
  const publicUrl = ctx.config.publicUrl;
  if (publicUrl) return `${publicUrl.replace(/\/+$/, '')}${routes.oidcCallback.path}`;
  const host = req.host ?? '';
  const url = URL.canParse(`http://${host}`) ? new URL(`http://${host}`) : undefined;
  if (!url || !LOOPBACK.has(url.hostname) || Number(url.port || 80) !== req.socket.localPort)
    return undefined;
  return `http://${url.host}${routes.oidcCallback.path}`;
}
