import type { Application, Response } from 'express';
import {
  RelayActionParams,
  RelayClaimParams,
  type RelayErrorCode,
  RelayPrepareBody,
  RelaySubmitBody,
} from '../../shared/protocol/relay.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { requireSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { KeyedRateLimiter } from '../domain/rate-limit.ts';
import { actForMember } from '../relay/acting.ts';
import { claimGift, viewClaim } from '../relay/claims.ts';
import { signedInRecently } from '../relay/guards.ts';
import { checkIntent, type Refusal } from '../relay/intent.ts';
import type { RecordedAction } from '../relay/record.ts';
import { actionView, memberAction, overviewOf } from '../relay/views.ts';
import { prepareWallet, submitWallet } from '../relay/wallet.ts';
import { describeZodError, sendError } from './errors.ts';

/** HTTP status of each refusal (the code is what the member reads, translated). */
const STATUS: Record<RelayErrorCode, number> = {
  invalidRelay: 400,
  guestNotAllowed: 403,
  reauthRequired: 403,
  dailyLimit: 429,
  unknownPrize: 404,
  notHeld: 409,
  soulbound: 409,
  zeroAddress: 400,
  receiverRefuses: 409,
  noWallet: 409,
  signatureRequired: 400,
  badSignature: 400,
  wrongNonce: 409,
  expired: 409,
  wrongChain: 400,
  notYourToken: 403,
  replay: 409,
  custodyUnavailable: 503,
  claimNotFound: 404,
  claimUsed: 409,
  claimOwn: 409,
  relayFailed: 503,
  rateLimited: 429,
};

/**
 * Gasless member actions behind the member's bearer session: what they hold where, preparing a request for their
 * wallet to sign, submitting it (or, for prizes held for them, the server acting after a fresh sign-in), following an
 * action, and claim links. Answers are personal, never cached.
 */
export function mountRelayRoutes(app: Application, ctx: AppContext): void {
  const personal = (res: Response) => res.set('cache-control', 'no-store');
  const limiter = new KeyedRateLimiter(10, 1);
  const refused = (res: Response, refusal: Refusal) =>
    sendError(res, STATUS[refusal.code], refusal.code, refusal.detail);
  const answer = (res: Response, outcome: RecordedAction | Refusal) =>
    outcome.ok
      ? personal(res).status(201).json(actionView(outcome.row, outcome.claimToken))
      : refused(res, outcome);

  app.get(routes.relayOverview.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    personal(res).json(await overviewOf(ctx, session.member));
  });

  app.post(routes.relayPrepare.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const body = RelayPrepareBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalidRelay', describeZodError(body.error));
    const intent = await checkIntent(ctx, session, body.data);
    if (!intent.ok) return refused(res, intent);
    const relay = ctx.relay;
    if (!relay) return sendError(res, 503, 'relayFailed');
    if (intent.where === 'wallet' && session.member.address)
      return personal(res).json(await prepareWallet(ctx, relay, { address: session.member.address }, intent));
    personal(res).json({ where: intent.where, reauth: !(await signedInRecently(ctx, session)) });
  });

  app.post(routes.relaySubmit.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    if (!limiter.take(session.member.id, ctx.clock.now()))
      return sendError(res, 429, 'rateLimited', 'too many requests; wait a few seconds');
    const body = RelaySubmitBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalidRelay', describeZodError(body.error));
    const intent = await checkIntent(ctx, session, body.data);
    if (!intent.ok) return refused(res, intent);
    const relay = ctx.relay;
    if (!relay) return sendError(res, 503, 'relayFailed');
    answer(
      res,
      intent.where === 'wallet'
        ? await submitWallet(ctx, relay, session, intent, body.data)
        : await actForMember(ctx, relay, session, intent),
    );
  });

  app.get(routes.relayAction.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const params = RelayActionParams.safeParse(req.params);
    if (!params.success) return sendError(res, 404, 'notFound');
    const view = await memberAction(ctx, session.member.id, Number(params.data.id));
    if (!view) return sendError(res, 404, 'notFound', 'no such action of yours');
    personal(res).json(view);
  });

  app.get(routes.relayClaimView.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const params = RelayClaimParams.safeParse(req.params);
    const view = params.success ? await viewClaim(ctx, params.data.token) : undefined;
    if (!view) return sendError(res, 404, 'claimNotFound', 'no gift behind this link');
    personal(res).json(view);
  });

  app.post(routes.relayClaim.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    if (!limiter.take(session.member.id, ctx.clock.now()))
      return sendError(res, 429, 'rateLimited', 'too many requests; wait a few seconds');
    const params = RelayClaimParams.safeParse(req.params);
    if (!params.success) return sendError(res, 404, 'claimNotFound', 'no gift behind this link');
    answer(res, await claimGift(ctx, session, params.data.token));
  });
}
