import type { Application } from 'express';
import { RpcRelayBody } from '../../shared/protocol/http.ts';
import { routes } from '../../shared/protocol/routes.ts';
import type { AppContext } from '../context.ts';
import { KeyedRateLimiter } from '../domain/rate-limit.ts';
import { describeZodError, sendError } from './errors.ts';

/**
 * POST /rpc relays the browser's chain calls (reads, fee data, signed transactions) to the server's node, so the
 * wallet works wherever the chain is (a random anvil port, a private RPC key). Methods are allow-listed.
 */
export function mountRpcRoutes(app: Application, ctx: AppContext): void {
  // A page load reads a handful of values; prize actions add a few more. 40 at once, then 10 a second per address.
  const limiter = new KeyedRateLimiter(40, 10);
  app.post(routes.rpc.path, async (req, res) => {
    if (!limiter.take(req.ip ?? 'unknown', Date.now()))
      return sendError(res, 429, 'rateLimited', 'too many chain calls from this address; wait a moment');
    const body = RpcRelayBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'rpcRefused', describeZodError(body.error));
    try {
      const upstream = await fetch(ctx.chain.rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body.data),
        signal: AbortSignal.timeout(15_000),
      });
      res
        .status(upstream.ok ? 200 : 502)
        .type('application/json')
        .send(await upstream.text());
    } catch (err) {
      ctx.logger.error({ err }, 'chain relay failed');
      sendError(res, 502, 'chainUnavailable', 'the chain node did not answer');
    }
  });
}
