import type { Application } from 'express';
import {
  AdjustmentBody,
  type AdjustmentResponse,
  type ConsoleActivitiesResponse,
  type ConsolePartnersResponse,
  CreatePartnerBody,
  PartnerActivitiesQuery,
  type PartnerSecretResponse,
  PointsSummaryQuery,
} from '../../shared/protocol/console-points.ts';
import { routes } from '../../shared/protocol/routes.ts';
import type { AppContext } from '../context.ts';
import { listPartners, registerPartner, rotatePartnerSecret } from '../partners/registry.ts';
import { postAdjustment } from '../points/console-adjust.ts';
import { consolePartner, partnerActivityLog } from '../points/console-partners.ts';
import { consolePointsSummary } from '../points/console-summary.ts';
import { notifyPointsChanged } from '../points/notify.ts';
import { recordAudit } from '../team/audit.ts';
import { requireCapability, staffOf } from './console-auth.ts';
import { describeZodError, sendError } from './errors.ts';

const REFUSALS = {
  memberNotFound: [404, 'no member has this id'],
  adjustmentBelowZero: [422, 'this debit would take the member below 0 points'],
  adjustmentConflict: [409, 'this adjustmentId was already used for another adjustment'],
} as const;

/**
 * The console's points page: any staff member reads the liability, earn/burn and partners' activity logs; only an
 * admin registers a partner, rotates its key or adjusts a member's balance. Mounted ahead of the console's
 * /api/console 404; each route runs the host check itself when that guard has not run yet.
 */
export function mountConsolePointsRoutes(app: Application, ctx: AppContext): void {
  const db = () => ctx.ledger.db;
  const analyst = requireCapability(ctx, 'analytics');
  const support = requireCapability(ctx, 'support');

  app.get(routes.consolePointsSummary.path, analyst, async (req, res) => {
    const query = PointsSummaryQuery.safeParse(req.query);
    if (!query.success) return sendError(res, 400, 'invalidQuery', describeZodError(query.error));
    const body = await consolePointsSummary(db(), ctx.clock.now(), query.data.days);
    res.set('cache-control', 'no-store').json(body);
  });

  app.get(routes.consolePartners.path, analyst, async (_req, res) => {
    const body: ConsolePartnersResponse = { partners: (await listPartners(db())).map(consolePartner) };
    res.set('cache-control', 'no-store').json(body);
  });

  app.post(routes.consoleCreatePartner.path, support, async (req, res) => {
    const body = CreatePartnerBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalidPartner', describeZodError(body.error));
    if ((await listPartners(db())).some((partner) => partner.id === body.data.id))
      return sendError(res, 409, 'partnerExists', 'a partner already has this id');
    let secret: string;
    try {
      ({ secret } = await registerPartner(db(), body.data));
    } catch (error) {
      if (isUniqueViolation(error))
        return sendError(res, 409, 'partnerExists', 'a partner already has this id');
      throw error;
    }
    ctx.logger.info({ partnerId: body.data.id, by: staffOf(res).address }, 'partner registered');
    const partner = { actor: staffOf(res).address, target: body.data.id };
    await recordAudit(db(), { ...partner, action: 'partners.create', after: { name: body.data.name } });
    res
      .status(201)
      .set('cache-control', 'no-store')
      .json(await secretAnswer(body.data.id, secret));
  });

  app.post(routes.consoleRotatePartner.path, support, async (req, res) => {
    const id = String(req.params.id);
    const rotated = await rotatePartnerSecret(db(), id);
    if (!rotated) return sendError(res, 404, 'partnerNotFound', 'no partner has this id');
    ctx.logger.info({ partnerId: id, by: staffOf(res).address }, 'partner key rotated');
    await recordAudit(db(), { actor: staffOf(res).address, action: 'partners.rotateKey', target: id });
    res.set('cache-control', 'no-store').json(await secretAnswer(id, rotated.secret));
  });

  app.get(routes.consolePartnerActivities.path, analyst, async (req, res) => {
    const query = PartnerActivitiesQuery.safeParse(req.query);
    if (!query.success) return sendError(res, 400, 'invalidQuery', describeZodError(query.error));
    const id = String(req.params.id);
    if (!(await listPartners(db())).some((partner) => partner.id === id))
      return sendError(res, 404, 'partnerNotFound', 'no partner has this id');
    const body: ConsoleActivitiesResponse = {
      activities: await partnerActivityLog(db(), id, query.data.status),
    };
    res.set('cache-control', 'no-store').json(body);
  });

  app.post(routes.consoleAdjustPoints.path, support, async (req, res) => {
    const body = AdjustmentBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalidAdjustment', describeZodError(body.error));
    const result = await postAdjustment(db(), {
      ...body.data,
      createdBy: staffOf(res).address,
      at: new Date(ctx.clock.now()),
    });
    if (!result.ok) {
      const [status, message] = REFUSALS[result.refusal];
      return sendError(res, status, result.refusal, message);
    }
    if (result.posted) await notifyPointsChanged(ctx, body.data.memberId);
    if (result.posted)
      await recordAudit(db(), {
        actor: staffOf(res).address,
        action: 'points.adjust',
        target: body.data.memberId,
        after: { amount: body.data.amount, balance: result.balance, movementId: result.movementId },
      });
    const answer: AdjustmentResponse = {
      posted: result.posted,
      movementId: result.movementId,
      balance: result.balance,
    };
    res.status(result.posted ? 201 : 200).json(answer);
  });

  /** The partner as listed now, with the secret this answer alone carries. */
  async function secretAnswer(id: string, secret: string): Promise<PartnerSecretResponse> {
    const partner = (await listPartners(db())).find((row) => row.id === id);
    if (!partner) throw new Error(`Layover: partner ${id} vanished after its key was made`);
    return { partner: consolePartner(partner), secret };
  }
}

/** Two admins registered the same id at once: the insert's unique index refused the second. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const causeCode = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return code === '23505' || causeCode === '23505';
}
