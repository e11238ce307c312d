import type { Application, Response } from 'express';
import { PurchaseBody, type PurchaseResponse, type PurchasesView } from '../../shared/protocol/catalogue.ts';
import { PointsHistoryQuery, type PointsSummary } from '../../shared/protocol/points.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { requireSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { KeyedRateLimiter } from '../domain/rate-limit.ts';
import { catalogueView } from '../points/catalogue.ts';
import { memberExpiry } from '../points/expiry-job.ts';
import { balanceOf, memberAccount } from '../points/ledger.ts';
import { memberNumberOf } from '../points/member-number.ts';
import { historyPage } from '../points/member-points.ts';
import { type PurchaseRefusal, purchase } from '../points/purchase.ts';
import { listPurchases } from '../points/purchase-view.ts';
import { describeZodError, sendError } from './errors.ts';

/** Purchases one member may send at once, then per second: a person buys a few things, a script many. */
export const PURCHASE_BURST = 10;
export const PURCHASES_PER_SECOND = 0.5;

/** Each refusal's status, code (the member reads it translated) and the words a developer reads. */
const REFUSALS: Record<PurchaseRefusal, [number, string, string]> = {
  unknownItem: [404, 'unknownItem', 'the catalogue has no item with this id'],
  insufficientPoints: [409, 'insufficientPoints', 'your balance does not cover this item'],
  purchaseLimit: [409, 'purchaseLimit', 'you already hold as many of this item as one member may'],
  soldOut: [409, 'soldOut', 'this item is sold out'],
  purchaseIdConflict: [
    409,
    'purchaseIdConflict',
    'this purchaseId was used for another purchase: make a new one',
  ],
  itemUnavailable: [503, 'itemUnavailable', 'this reward cannot be given right now; nothing was taken'],
  memberGone: [401, 'unauthorized', 'this member was erased or merged into another'],
};

/**
 * The member's points, behind their bearer session (guests included): balance, member number, expiry notice and
 * history; the catalogue with what is left and what they can afford; their purchases; and buying, once per
 * purchaseId. Answers are personal, never cached.
 */
export function mountPointsRoutes(app: Application, ctx: AppContext): void {
  const db = ctx.ledger.db;
  const now = () => new Date(ctx.clock.now());
  const personal = (res: Response) => res.set('cache-control', 'no-store');
  const purchases = new KeyedRateLimiter(PURCHASE_BURST, PURCHASES_PER_SECOND);

  app.get(routes.pointsSummary.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const query = PointsHistoryQuery.safeParse(req.query);
    if (!query.success) return sendError(res, 400, 'invalidQuery', describeZodError(query.error));
    const memberId = session.member.id;
    const at = now();
    const [balance, memberNumber, expiry, page] = await Promise.all([
      balanceOf(db, memberAccount(memberId)),
      memberNumberOf(db, memberId),
      memberExpiry(db, memberId, at),
      historyPage(db, memberId, { before: query.data.before, limit: query.data.limit }),
    ]);
    const body: PointsSummary = {
      balance,
      memberNumber,
      // The notice shows once the next expiry is within the program's notice days.
      expiring: expiry.noticeDue && expiry.next ? expiry.next : null,
      ...page,
    };
    personal(res).json(body);
  });

  app.get(routes.pointsCatalogue.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    personal(res).json(await catalogueView(db, session.member.id));
  });

  app.get(routes.pointsPurchases.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const body: PurchasesView = { purchases: await listPurchases(db, session.member.id) };
    personal(res).json(body);
  });

  app.post(routes.pointsPurchase.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const memberId = session.member.id;
    if (!purchases.take(memberId, ctx.clock.now()))
      return sendError(res, 429, 'rateLimited', 'too many purchases; wait a few seconds');
    const body = PurchaseBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalidPurchase', describeZodError(body.error));
    const outcome = await purchase(ctx, { memberId, ...body.data, now: now() });
    if (!outcome.ok) {
      const [status, code, detail] = REFUSALS[outcome.refusal];
      return sendError(res, status, code, detail);
    }
    const answer: PurchaseResponse = { purchase: outcome.purchase, balance: outcome.balance };
    personal(res)
      .status(outcome.replayed ? 200 : 201)
      .json(answer);
  });
}
