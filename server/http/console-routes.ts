import type { Application } from 'express';
import { LiveEventSpec } from '../../shared/content/live-events.ts';
import type { ConsoleLiveView, ConsoleMe } from '../../shared/protocol/live-events.ts';
import { CONSOLE_API_PREFIX, LiftBanQuery, routes } from '../../shared/protocol/routes.ts';
import type { AppContext } from '../context.ts';
import { liveEventStatus } from '../domain/live-events/status.ts';
import { dropViews, eventAnalytics } from '../live-events/analytics.ts';
import { liveHall } from '../live-events/live-hall.ts';
import { bansFor, liftBan, reportsFor } from '../live-events/moderation.ts';
import {
  cancelLiveEvent,
  consoleLiveEvent,
  createLiveEvent,
  getLiveEvent,
  listLiveEvents,
  updateLiveEvent,
} from '../live-events/schedule.ts';
import { recordAudit } from '../team/audit.ts';
import { requireCapability, requireHost, staffOf } from './console-auth.ts';
import { mountConsoleContentRoutes } from './console-content-routes.ts';
import { describeZodError, sendError } from './errors.ts';

/**
 * The brand console's API: events, live view, analytics, bans and content. Every /api/console path needs a team role
 * (requireHost); each route then asks for its capability (events for these).
 */
export function mountConsoleRoutes(app: Application, ctx: AppContext): void {
  app.use(CONSOLE_API_PREFIX, requireHost(ctx));
  const db = () => ctx.ledger.db;
  const host = requireCapability(ctx, 'events');

  app.get(routes.consoleMe.path, (_req, res) => {
    const staff = staffOf(res);
    const body: ConsoleMe = {
      memberId: staff.memberId,
      name: staff.name,
      address: staff.address,
      wallet: staff.wallet,
      roles: staff.roles,
    };
    res.json(body);
  });

  app.get(routes.consoleEvents.path, host, async (_req, res) => {
    const now = Date.now();
    res.json({ events: (await listLiveEvents(db())).map((row) => consoleLiveEvent(row, now)) });
  });

  app.post(routes.consoleCreateEvent.path, host, async (req, res) => {
    const spec = LiveEventSpec.safeParse(req.body);
    if (!spec.success) return sendError(res, 400, 'invalidEvent', describeZodError(spec.error));
    const row = await createLiveEvent(db(), spec.data, staffOf(res).address);
    await recordAudit(db(), {
      actor: staffOf(res).address,
      action: 'events.create',
      target: row.id,
      after: row.spec,
    });
    res.status(201).json(consoleLiveEvent(row, Date.now()));
  });

  app.get(routes.consoleEvent.path, host, async (req, res) => {
    const row = await getLiveEvent(db(), String(req.params.id));
    if (!row) return sendError(res, 404, 'eventNotFound');
    res.json(consoleLiveEvent(row, Date.now()));
  });

  app.put(routes.consoleUpdateEvent.path, host, async (req, res) => {
    const spec = LiveEventSpec.safeParse(req.body);
    if (!spec.success) return sendError(res, 400, 'invalidEvent', describeZodError(spec.error));
    const before = await getLiveEvent(db(), String(req.params.id));
    if (!before) return sendError(res, 404, 'eventNotFound');
    const row = await updateLiveEvent(db(), String(req.params.id), spec.data);
    if (!row) return sendError(res, 409, 'eventStarted', 'only a scheduled event can be changed');
    const change = { before: before.spec, after: row.spec };
    await recordAudit(db(), {
      actor: staffOf(res).address,
      action: 'events.update',
      target: row.id,
      ...change,
    });
    res.json(consoleLiveEvent(row, Date.now()));
  });

  app.delete(routes.consoleCancelEvent.path, host, async (req, res) => {
    if (!(await getLiveEvent(db(), String(req.params.id)))) return sendError(res, 404, 'eventNotFound');
    if (!(await cancelLiveEvent(db(), String(req.params.id)))) return sendError(res, 409, 'eventEnded');
    const cancelled = { actor: staffOf(res).address, target: String(req.params.id) };
    await recordAudit(db(), {
      ...cancelled,
      action: 'events.cancel',
      before: { cancelled: false },
      after: { cancelled: true },
    });
    res.status(204).end();
  });

  app.get(routes.consoleLiveView.path, host, async (req, res) => {
    const row = await getLiveEvent(db(), String(req.params.id));
    if (!row) return sendError(res, 404, 'eventNotFound');
    const hall = await liveHall(row.id, ctx.logger);
    const body: ConsoleLiveView = {
      eventId: row.id,
      status: liveEventStatus(row, Date.now()),
      present: hall.instances.reduce((sum, instance) => sum + instance.clients, 0),
      instances: hall.instances,
      questions: hall.questions,
      reports: await reportsFor(db(), row.id),
      drops: await dropViews(db(), row.id),
      bans: await bansFor(db(), row.id),
    };
    res.set('cache-control', 'no-store').json(body);
  });

  app.get(routes.consoleAnalytics.path, host, async (req, res) => {
    const row = await getLiveEvent(db(), String(req.params.id));
    if (!row) return sendError(res, 404, 'eventNotFound');
    const { quests } = ctx.content.current().questContent;
    res.set('cache-control', 'no-store').json(await eventAnalytics(db(), row, Date.now(), quests));
  });

  app.delete(routes.consoleLiftBan.path, host, async (req, res) => {
    const query = LiftBanQuery.safeParse(req.query);
    if (!query.success) return sendError(res, 400, 'invalidQuery', describeZodError(query.error));
    const lifted = await liftBan(db(), String(req.params.memberId), query.data.scope, query.data.eventId);
    if (!lifted) return sendError(res, 404, 'banNotFound');
    await recordAudit(db(), {
      actor: staffOf(res).address,
      action: 'events.liftBan',
      target: String(req.params.memberId),
      before: { banned: true, scope: query.data.scope, eventId: query.data.eventId ?? null },
      after: { banned: false },
    });
    // A brand ban ended the member's media everywhere (event-host.ts): lifting it lets them speak again.
    if (query.data.scope === 'brand') await ctx.media?.restoreMemberMedia(String(req.params.memberId));
    res.status(204).end();
  });

  mountConsoleContentRoutes(app, ctx);
  app.use(CONSOLE_API_PREFIX, (_req, res) => sendError(res, 404, 'notFound'));
}
