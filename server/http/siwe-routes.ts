import { type Application, type Request, Router } from 'express';
import { routes } from '../../shared/protocol/routes.ts';
import {
  SiweNonceBody,
  type SiweNonceResponse,
  type SiweSessionResponse,
  SiweVerifyBody,
} from '../../shared/protocol/siwe.ts';
import { credentialAdded } from '../auth/credential-sign-in.ts';
import { revokeDevice, startDeviceSession } from '../auth/device-sessions.ts';
import { hasLastingIdentity } from '../auth/identity.ts';
import type { SiweExpectations } from '../auth/siwe.ts';
import { issueSiweNonce } from '../auth/siwe-nonces.ts';
import { signInWithSiwe } from '../auth/siwe-sign-in.ts';
import type { AppContext } from '../context.ts';
import { KeyedRateLimiter } from '../domain/rate-limit.ts';
import { MergeRefusal, mergeMember } from '../members/merge.ts';
import { prizeRequirement } from '../prizes/eligibility.ts';
import { announceQuests } from '../quests/announce.ts';
import { clientKey } from './client-ip.ts';
import { describeZodError, sendError } from './errors.ts';

/** Sign-In with Ethereum (EIP-4361): a single-use nonce, then a signed message that becomes a wallet session. */
export function mountSiweRoutes(app: Application, ctx: AppContext): void {
  const router = Router();
  // Nonces are cheap but stored: thirty at once per address (a venue behind one NAT), then one a second.
  const nonceLimiter = new KeyedRateLimiter(30, 1);
  // Each verify may call the chain, and a refused one leaves its nonce usable: bound the attempts too.
  const verifyLimiter = new KeyedRateLimiter(60, 2);

  router.post(routes.siweNonce.path, async (req, res) => {
    if (!nonceLimiter.take(clientKey(req), Date.now()))
      return sendError(res, 429, 'rateLimited', 'too many nonces from this address; wait a few seconds');
    const body = SiweNonceBody.safeParse(req.body ?? {});
    if (!body.success) return sendError(res, 400, 'siweInvalid', describeZodError(body.error));
    const { nonce, expiresAt } = await issueSiweNonce(ctx.ledger.db);
    const response: SiweNonceResponse = { nonce, expiresAt: expiresAt.toISOString() };
    res.set('cache-control', 'no-store').json(response);
  });

  router.post(routes.siweVerify.path, async (req, res) => {
    if (!verifyLimiter.take(clientKey(req), Date.now()))
      return sendError(res, 429, 'rateLimited', 'too many sign-ins from this address; wait a few seconds');
    const body = SiweVerifyBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'siweInvalid', describeZodError(body.error));
    const { ledger, config, chain } = ctx;
    const result = await signInWithSiwe(
      { db: ledger.db, publicClient: chain.publicClient },
      body.data,
      expectations(req, config.publicUrl, chain.chainId),
    );
    if (!result.ok)
      return sendError(res, result.code === 'siweInvalid' ? 400 : 401, result.code, result.detail);
    const { member, guest } = result;
    const otherGuest = guest && guest.member.id !== member.id ? guest : undefined;
    // A guest signing in with a wallet that already has a member: their unminted progress moves into it.
    if (otherGuest && !(await hasLastingIdentity(ledger.db, otherGuest.member.id))) {
      try {
        const summary = await mergeMember(ledger.db, otherGuest.member.id, member.id, {
          now: new Date(ctx.clock.now()),
          requires: prizeRequirement(ctx.config),
          custody: ctx.custodyAddress,
          content: ctx.content.current().questContent,
          prizes: ctx.content.current().bundle.prizes,
        });
        ctx.logger.info(
          { guestId: otherGuest.member.id, memberId: member.id, ...summary },
          'guest merged on wallet sign-in',
        );
        ctx.oracle?.wake();
      } catch (error) {
        // A guest already merged (a replayed link token): the wallet's member signs in, nothing moves.
        if (!(error instanceof MergeRefusal)) throw error;
      }
    }
    if (result.linked || otherGuest) {
      void announceQuests(ctx, member.id);
      await credentialAdded(ctx, member.id);
    }
    if (guest?.deviceId)
      await revokeDevice(ledger.db, guest.deviceId, 'upgraded', new Date(), guest.member.id);
    const signedIn = await startDeviceSession(ctx, req, res, member.id, 'wallet', { linked: result.linked });
    const response: SiweSessionResponse = { ...signedIn, linked: result.linked };
    res.json(response);
  });

  app.use(router);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The host and origin a message must name: PUBLIC_URL's when set. Without it only a loopback host on the port this
 * socket really listens on is trusted: a Host header is the client's to choose, so a remote name is never believed.
 */
function expectations(req: Request, publicUrl: string | undefined, chainId: number): SiweExpectations {
  const now = new Date();
  if (publicUrl) {
    const url = new URL(publicUrl);
    return { domain: url.host, origin: url.origin, chainId, now };
  }
  const host = req.host ?? '';
  const url = URL.canParse(`http://${host}`) ? new URL(`http://${host}`) : undefined;
  const trusted = url && LOOPBACK.has(url.hostname) && Number(url.port || 80) === req.socket.localPort;
  // An untrusted host expects a domain no message can name, so every message is refused as a domain mismatch.
  if (!trusted)
    return {
      domain: 'set-PUBLIC_URL-to-sign-in-from-this-host.invalid',
      origin: 'http://invalid',
      chainId,
      now,
    };
  return { domain: host, origin: `http://${host}`, chainId, now };
}
