import type { Application, Request } from 'express';
import { RpcRelayBody } from '../../shared/protocol/http.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { bearerToken } from '../auth/sessions.ts';
import { RpcBudget, type RpcBudgetLimits } from '../chain/rpc-budget.ts';
import { isRefusal, policedCall, type RelayedRpcCall } from '../chain/rpc-policy.ts';
import {
  RelayBusyError,
  RelayTimeoutError,
  RpcUpstream,
  type RpcUpstreamLimits,
} from '../chain/rpc-upstream.ts';
import type { AppContext } from '../context.ts';
import { clientKey } from './client-ip.ts';
import { describeZodError, sendError } from './errors.ts';

/** The relay's limits; SECURITY.md states them. */
export type RpcRelayLimits = RpcBudgetLimits & RpcUpstreamLimits;

/** A page load reads a handful of values and prize actions a few more: 40 calls at once, then 10 a second. */
export const RPC_RELAY_LIMITS: RpcRelayLimits = {
  burst: 40,
  perSecond: 10,
  maxInFlight: 4,
  maxQueued: 16,
  timeoutMs: 5_000,
};

/** What the relay reads of the app context (a test mounts it with just these). */
export type RpcRelayContext = Pick<AppContext, 'members' | 'logger' | 'clock'> & {
  chain: Pick<AppContext['chain'], 'rpcUrl'>;
};

/**
 * POST /rpc relays the browser's chain calls (reads, fee data, signed transactions) to the server's node, so the
 * wallet works wherever the chain is (a random anvil port, a private RPC key). Methods are allow-listed, overrides
 * refused, gas capped, each batch item counted against the caller's budget, and the node reached through the relay's
 * own small queue, so relayed calls never crowd out the server's own.
 */
export function mountRpcRoutes(
  app: Application,
  ctx: RpcRelayContext,
  limits: RpcRelayLimits = RPC_RELAY_LIMITS,
): { close: () => void } {
  const budget = new RpcBudget(limits);
  const upstream = new RpcUpstream(ctx.chain.rpcUrl, limits);
  app.post(routes.rpc.path, async (req, res) => {
    const body = RpcRelayBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'rpcRefused', describeZodError(body.error));
    const calls: RelayedRpcCall[] = Array.isArray(body.data) ? body.data : [body.data];
    const policed = calls.map(policedCall);
    const refusal = policed.find(isRefusal);
    if (refusal) return sendError(res, 400, refusal.code, refusal.detail);
    if (!budget.take(await budgetKey(ctx, req), calls.length, ctx.clock.now()))
      return sendError(res, 429, 'rateLimited', 'too many chain calls; wait a moment');
    const cancel = new AbortController();
    res.on('close', () => cancel.abort());
    try {
      const answer = await upstream.post(
        JSON.stringify(Array.isArray(body.data) ? policed : policed[0]),
        cancel.signal,
      );
      res
        .status(answer.status >= 200 && answer.status < 300 ? 200 : 502)
        .type('application/json')
        .send(answer.body);
    } catch (err) {
      if (err instanceof RelayBusyError)
        return sendError(res, 429, 'rateLimited', 'the chain relay is busy; wait a moment');
      if (err instanceof RelayTimeoutError) return sendError(res, 504, 'chainUnavailable', err.message);
      if (cancel.signal.aborted) return;
      ctx.logger.error({ err }, 'chain relay failed');
      sendError(res, 502, 'chainUnavailable', 'the chain node did not answer');
    }
  });
  return { close: () => upstream.close() };
}

/** A signed-in member's budget follows them across addresses; everyone else shares their address's. */
async function budgetKey(ctx: RpcRelayContext, req: Request): Promise<string> {
  const token = bearerToken(req.get('authorization'));
  const session = token ? await ctx.members.resolveSession(token) : undefined;
  return session ? `member:${session.member.id}` : `ip:${clientKey(req)}`;
}
