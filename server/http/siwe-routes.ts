import { type Application, type Request, Router } from 'express';
import {
  SiweNonceBody,
  type SiweNonceResponse,
  type SiweSessionResponse,
  SiweVerifyBody,
} from '../../shared/protocol/siwe.ts';
import type { SiweExpectations } from '../auth/siwe.ts';
import { issueSiweNonce } from '../auth/siwe-nonces.ts';
import { signInWithSiwe } from '../auth/siwe-sign-in.ts';
import { KeyedRateLimiter } from '../domain/rate-limit.ts';
import { services } from '../services.ts';
import { describeZodError, sendError } from './errors.ts';

/** Sign-In with Ethereum (EIP-4361): a single-use nonce, then a signed message that becomes a wallet session. */
export function mountSiweRoutes(app: Application): void {
  const router = Router();
  // Nonces are cheap but stored: thirty at once per address (a venue behind one NAT), then one a second.
  const nonceLimiter = new KeyedRateLimiter(30, 1);
  // Each verify may call the chain, and a refused one leaves its nonce usable: bound the attempts too.
  const verifyLimiter = new KeyedRateLimiter(60, 2);

  router.post('/auth/siwe/nonce', async (req, res) => {
    if (!nonceLimiter.take(req.ip ?? 'unknown', Date.now()))
      return sendError(res, 429, 'rateLimited', 'too many nonces from this address; wait a few seconds');
    const body = SiweNonceBody.safeParse(req.body ?? {});
    if (!body.success) return sendError(res, 400, 'siweInvalid', describeZodError(body.error));
    const { nonce, expiresAt } = await issueSiweNonce(services().ledger.db);
    const response: SiweNonceResponse = { nonce, expiresAt: expiresAt.toISOString() };
    res.set('cache-control', 'no-store').json(response);
  });

  router.post('/auth/siwe/verify', async (req, res) => {
    if (!verifyLimiter.take(req.ip ?? 'unknown', Date.now()))
      return sendError(res, 429, 'rateLimited', 'too many sign-ins from this address; wait a few seconds');
    const body = SiweVerifyBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'siweInvalid', describeZodError(body.error));
    const { ledger, config, chain } = services();
    const result = await signInWithSiwe(
      { db: ledger.db, publicClient: chain.publicClient, sessionTtlMs: config.sessionTtlMs },
      body.data,
      expectations(req, config.publicUrl, chain.chainId),
    );
    if (!result.ok)
      return sendError(res, result.code === 'siweInvalid' ? 400 : 401, result.code, result.detail);
    const { member } = result;
    const response: SiweSessionResponse = {
      token: result.token,
      member: { id: member.id, name: member.displayName, address: member.address },
      linked: result.linked,
    };
    res.json(response);
  });

  app.use(router);
}

/** The host and origin a message must name: PUBLIC_URL's when set, else those the request came to. */
function expectations(req: Request, publicUrl: string | undefined, chainId: number): SiweExpectations {
  const now = new Date();
  if (publicUrl) {
    const url = new URL(publicUrl);
    return { domain: url.host, origin: url.origin, chainId, now };
  }
  const host = req.host ?? '';
  return { domain: host, origin: `${req.protocol}://${host}`, chainId, now };
}
