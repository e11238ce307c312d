import { eq } from 'drizzle-orm';
import type { Application, Response } from 'express';
import { routes } from '../../shared/protocol/routes.ts';
import {
  CreateCampaignBody,
  type MemberNoticesResponse,
  SavedSegmentBody,
  type SegmentFilter,
  SegmentPreviewBody,
} from '../../shared/protocol/segments.ts';
import { requireSession } from '../auth/sessions.ts';
import { CampaignRefusal, createCampaign } from '../campaigns/create.ts';
import { listCampaigns } from '../campaigns/list.ts';
import { markNoticeSeen, unseenNotices } from '../campaigns/notices.ts';
import { SegmentError } from '../campaigns/segment-error.ts';
import {
  createSegment,
  deleteSegment,
  findSegment,
  listSegments,
  previewSegment,
  segmentContext,
  updateSegment,
} from '../campaigns/segments.ts';
import { PRIZE_NOT_ON_CHAIN } from '../chain/oracle/calls.ts';
import { prizeOnChain } from '../chain/prize-admin.ts';
import { prizeAdminOf } from '../content/prize-chain.ts';
import type { AppContext } from '../context.ts';
import { liveEvents } from '../db/live-event-schema.ts';
import { prizesPerMemberPerDay } from '../prizes/caps.ts';
import { prizeRequirement } from '../prizes/eligibility.ts';
import { requireCapability, staffOf } from './console-auth.ts';
import { describeZodError, sendError } from './errors.ts';

/** A filter the ledger cannot evaluate answers 400 with the code the console translates. */
function refuseSegment(res: Response, error: unknown): void {
  if (!(error instanceof SegmentError)) throw error;
  sendError(res, 400, error.code, error.message);
}

/**
 * Campaigns over HTTP: the console's segments (preview, saved CRUD) and sends (drop, announcement, invitation),
 * behind the `campaigns` capability; a member's own unseen notices and marking one seen. Mounted ahead of the
 * console's /api/console 404.
 */
export function mountCampaignRoutes(app: Application, ctx: AppContext): void {
  const db = () => ctx.ledger.db;
  const now = () => new Date(ctx.clock.now());
  const guard = requireCapability(ctx, 'campaigns');

  app.post(routes.consoleSegmentPreview.path, guard, async (req, res) => {
    const body = SegmentPreviewBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalidSegment', describeZodError(body.error));
    try {
      res.json(await previewSegment(db(), body.data.filter, segmentContext(ctx)));
    } catch (error) {
      refuseSegment(res, error);
    }
  });

  app.get(routes.consoleSegments.path, guard, async (_req, res) => {
    res.set('cache-control', 'no-store').json({ segments: await listSegments(db()) });
  });

  app.post(routes.consoleCreateSegment.path, guard, async (req, res) => {
    const body = SavedSegmentBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalidSegment', describeZodError(body.error));
    res.status(201).json(await createSegment(db(), body.data, staffOf(res).address, now()));
  });

  app.put(routes.consoleUpdateSegment.path, guard, async (req, res) => {
    const body = SavedSegmentBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalidSegment', describeZodError(body.error));
    const saved = await updateSegment(db(), String(req.params.id), body.data, staffOf(res).address, now());
    if (!saved) return sendError(res, 404, 'unknownSegment', 'no saved segment has this id');
    res.json(saved);
  });

  app.delete(routes.consoleDeleteSegment.path, guard, async (req, res) => {
    if (!(await deleteSegment(db(), String(req.params.id), staffOf(res).address)))
      return sendError(res, 404, 'unknownSegment', 'no saved segment has this id');
    res.status(204).end();
  });

  app.get(routes.consoleCampaigns.path, guard, async (_req, res) => {
    res.set('cache-control', 'no-store').json({ campaigns: await listCampaigns(db()) });
  });

  app.post(routes.consoleCreateCampaign.path, guard, async (req, res) => {
    const body = CreateCampaignBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalidCampaign', describeZodError(body.error));
    const { segmentId, content } = body.data;
    let filter: SegmentFilter | undefined = body.data.filter;
    if (segmentId !== undefined) {
      filter = (await findSegment(db(), segmentId))?.filter;
      if (!filter) return sendError(res, 404, 'unknownSegment', 'no saved segment has this id');
    }
    // The published catalogue of now; a retired (disabled) prize is no longer dropped.
    const prize = content.kind === 'drop' ? ctx.content.current().prize(content.prizeId) : undefined;
    if (content.kind === 'drop' && !prize?.enabled)
      return sendError(
        res,
        404,
        'unknownPrize',
        'the published prize catalogue has no live prize with this id',
      );
    // Published but not yet added on chain (the brand's wallet has not signed addPrize): nothing could be minted.
    if (prize && !(await prizeOnChain(prizeAdminOf(ctx), prize.tokenId)))
      return sendError(
        res,
        409,
        PRIZE_NOT_ON_CHAIN,
        'the prize is published but not on chain yet: sign its addPrize in Content first',
      );
    if (content.kind === 'invitation' && !(await openEvent(ctx, content.eventId)))
      return sendError(res, 404, 'unknownEvent', 'no upcoming or live event has this id');
    try {
      const made = await createCampaign(db(), {
        body: body.data,
        filter: filter ?? {},
        segmentId: segmentId ?? null,
        ...(prize ? { prize } : {}),
        createdBy: staffOf(res).address,
        now: now(),
        context: segmentContext(ctx),
        custody: ctx.custodyAddress,
        requires: prizeRequirement(ctx.config),
        dailyCap: prizesPerMemberPerDay(ctx.config),
      });
      if (content.kind === 'drop' && made.created) ctx.oracle?.wake();
      const [campaign] = await listCampaigns(db(), made.id);
      res.status(made.created ? 201 : 200).json({ campaign, created: made.created });
    } catch (error) {
      if (error instanceof CampaignRefusal)
        return res.status(400).json({
          error: error.code,
          detail: error.message,
          ...(error.numbers ? { numbers: error.numbers } : {}),
        });
      refuseSegment(res, error);
    }
  });

  app.get(routes.campaignNotices.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const body: MemberNoticesResponse = { notices: await unseenNotices(db(), session.member.id, now()) };
    res.set('cache-control', 'no-store').json(body);
  });

  app.post(routes.campaignNoticeSeen.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const id = String(req.params.id);
    if (id.length > 64 || !(await markNoticeSeen(db(), session.member.id, id, now())))
      return sendError(res, 404, 'unknownNotice', 'you have no notice with this id');
    res.status(204).end();
  });
}

/** An event an invitation may name: scheduled, not cancelled, not over. */
async function openEvent(ctx: AppContext, eventId: string): Promise<boolean> {
  const [event] = await ctx.ledger.db
    .select({ endsAt: liveEvents.endsAt, cancelledAt: liveEvents.cancelledAt, endedAt: liveEvents.endedAt })
    .from(liveEvents)
    .where(eq(liveEvents.id, eventId));
  return !!event && !event.cancelledAt && !event.endedAt && event.endsAt.getTime() > ctx.clock.now();
}
