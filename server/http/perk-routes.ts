import type { Application, Response } from 'express';
import {
  PerkParams,
  type PerksView,
  type PoolsView,
  PoolUploadBody,
  ShippingBody,
} from '../../shared/protocol/perks.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { requireSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { KeyedRateLimiter } from '../domain/rate-limit.ts';
import { memberPerks } from '../perks/member-perks.ts';
import { knownPools, poolViews, uploadPool } from '../perks/pools.ts';
import { type ShippingRefusal, submitShipping } from '../perks/shipping.ts';
import { meetsPrizeRequirement, prizeRequirement } from '../prizes/eligibility.ts';
import { recordAudit } from '../team/audit.ts';
import { requireCapability, staffOf } from './console-auth.ts';
import { describeZodError, sendError } from './errors.ts';

/** Shipping forms one member may send at once, then one per 5 s: a person fixes a few typos, a script guesses ids. */
export const SHIPPING_BURST = 20;

const SHIPPING_REFUSALS: Record<ShippingRefusal, [number, string]> = {
  unknownPerk: [404, 'you hold no perk with this id'],
  notPhysical: [409, 'only a physical perk is shipped'],
  perkExpired: [410, 'this perk expired or was used'],
  shippingSubmitted: [409, 'the address of this perk was already sent; contact the brand to change it'],
};

/**
 * Perks: a member reads their own (any live session: a guest's perks exist only where PRIZE_REQUIRES=any) and sends
 * a physical perk's shipping address once (a member who kept their account, as PRIZE_REQUIRES asks); console staff
 * read code pools, an admin uploads codes. Personal answers are never cached.
 */
export function mountPerkRoutes(app: Application, ctx: AppContext): void {
  const db = () => ctx.ledger.db;
  const now = () => new Date(ctx.clock.now());
  const personal = (res: Response) => res.set('cache-control', 'no-store');
  const forms = new KeyedRateLimiter(SHIPPING_BURST, 0.2);
  const support = requireCapability(ctx, 'support');

  app.get(routes.perks.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const body: PerksView = { perks: await memberPerks(db(), session.member.id, now()) };
    personal(res).json(body);
  });

  app.post(routes.perkShipping.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const memberId = session.member.id;
    if (!forms.take(memberId, ctx.clock.now()))
      return sendError(res, 429, 'rateLimited', 'too many shipping forms; wait a minute');
    const params = PerkParams.safeParse(req.params);
    if (!params.success) return sendError(res, 404, 'unknownPerk', 'you hold no perk with this id');
    const form = ShippingBody.safeParse(req.body);
    if (!form.success) return sendError(res, 400, 'invalidShipping', describeZodError(form.error));
    if (!(await meetsPrizeRequirement(db(), memberId, prizeRequirement(ctx.config))))
      return sendError(res, 403, 'identityRequired', 'keep your account (sign in) before giving an address');
    const outcome = await submitShipping(db(), {
      memberId,
      perkId: params.data.id,
      form: form.data,
      now: now(),
    });
    if (!outcome.ok) {
      const [status, detail] = SHIPPING_REFUSALS[outcome.refusal];
      return sendError(res, status, outcome.refusal, detail);
    }
    personal(res).status(201).json({ perk: outcome.perk });
  });

  app.get(routes.consolePerkPools.path, support, async (_req, res) => {
    const body: PoolsView = { pools: await poolViews(db()) };
    personal(res).json(body);
  });

  app.post(routes.consolePerkPoolUpload.path, support, async (req, res) => {
    const body = PoolUploadBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalidPool', describeZodError(body.error));
    if (!knownPools().has(body.data.poolId))
      return sendError(res, 404, 'unknownPool', 'no perk in content draws on this pool');
    const answer = await uploadPool(db(), { ...body.data, now: now() });
    ctx.logger.info({ poolId: body.data.poolId, added: answer.added }, 'perk pool codes uploaded');
    await recordAudit(db(), {
      actor: staffOf(res).address,
      action: 'perks.uploadPool',
      target: body.data.poolId,
      after: { added: answer.added },
    });
    personal(res).status(201).json(answer);
  });
}
