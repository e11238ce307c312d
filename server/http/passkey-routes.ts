import { type Application, type Request, type Response, Router } from 'express';
import { routes } from '../../shared/protocol/routes.ts';
import { PasskeyLoginBody, PasskeyRegisterBody } from '../../shared/protocol/sign-in.ts';
import { credentialAdded, SignInRefusal, signInWithProof } from '../auth/credential-sign-in.ts';
import {
  type PasskeyRefusal,
  passkeyLabel,
  passkeyLoginOptions,
  passkeyRegistrationOptions,
  registerPasskey,
  verifyPasskeyLogin,
} from '../auth/passkeys/passkeys.ts';
import { type RelyingParty, relyingParty } from '../auth/passkeys/relying-party.ts';
import { currentSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { KeyedRateLimiter } from '../domain/rate-limit.ts';
import { clientKey } from './client-ip.ts';
import { describeZodError, sendError } from './errors.ts';

/**
 * Passkeys (WebAuthn): a signed-in member adds one (register options, then verify), and any browser signs in with
 * one (login options with a challenge id, then verify, which ends like every sign-in: a browser session and the
 * refresh cookie, or a merge offer for a guest whose passkey belongs to someone else). RP id and origin come from
 * PUBLIC_URL (http://localhost:<port> locally); see server/auth/passkeys/.
 */
export function mountPasskeyRoutes(app: Application, ctx: AppContext): void {
  const router = Router();
  // Options store a challenge row and verifies check signatures: a burst per address, then two a second.
  const limiter = new KeyedRateLimiter(60, 2);
  const limited = (req: Request, res: Response): boolean => {
    if (limiter.take(clientKey(req), Date.now())) return false;
    sendError(res, 429, 'rateLimited', 'too many passkey requests from this address; wait a few seconds');
    return true;
  };
  /** This lounge as a relying party, or a 503 `passkeyUnavailable` sent (PUBLIC_URL names an IP address). */
  const party = (req: Request, res: Response): RelyingParty | undefined => {
    const rp = relyingParty(ctx.config.publicUrl, req.socket.localPort);
    if (!rp)
      sendError(
        res,
        503,
        'passkeyUnavailable',
        'passkeys need PUBLIC_URL with a domain name (WebAuthn refuses IPs)',
      );
    return rp;
  };
  const refused = (res: Response, refusal: PasskeyRefusal) =>
    sendError(res, refusal.status, refusal.code, refusal.detail);
  const now = () => new Date(ctx.clock.now());

  router.post(routes.passkeyRegisterOptions.path, async (req, res) => {
    if (limited(req, res)) return;
    const session = await currentSession(ctx, req);
    if (!session) return sendError(res, 401, 'signInRequired', 'a passkey is added to the signed-in member');
    const rp = party(req, res);
    if (!rp) return;
    res
      .set('cache-control', 'no-store')
      .json(await passkeyRegistrationOptions(ctx.ledger.db, rp, session.member, now()));
  });

  router.post(routes.passkeyRegisterVerify.path, async (req, res) => {
    if (limited(req, res)) return;
    const session = await currentSession(ctx, req);
    if (!session) return sendError(res, 401, 'signInRequired', 'a passkey is added to the signed-in member');
    const body = PasskeyRegisterBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'passkeyInvalid', describeZodError(body.error));
    const result = await registerPasskey(
      ctx.ledger.db,
      session.member.id,
      body.data.challengeId,
      body.data.response,
      passkeyLabel(req.get('user-agent')),
      now(),
    );
    if (!result.ok) return refused(res, result);
    await credentialAdded(ctx, session.member.id);
    res.json(result.credential);
  });

  router.post(routes.passkeyLoginOptions.path, async (req, res) => {
    if (limited(req, res)) return;
    const rp = party(req, res);
    if (!rp) return;
    res.set('cache-control', 'no-store').json(await passkeyLoginOptions(ctx.ledger.db, rp, now()));
  });

  router.post(routes.passkeyLoginVerify.path, async (req, res) => {
    if (limited(req, res)) return;
    const body = PasskeyLoginBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'passkeyInvalid', describeZodError(body.error));
    const verified = await verifyPasskeyLogin(
      ctx.ledger.db,
      body.data.challengeId,
      body.data.response,
      now(),
    );
    if (!verified.ok) return refused(res, verified);
    try {
      const result = await signInWithProof(ctx, req, res, {
        kind: 'passkey',
        credentialId: verified.credentialId,
      });
      res.json(result);
    } catch (error) {
      if (error instanceof SignInRefusal) return sendError(res, error.status, error.code, error.message);
      throw error;
    }
  });

  app.use(router);
}
