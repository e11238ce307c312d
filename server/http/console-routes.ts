import { type Application, Router } from 'express';
import { z } from 'zod';
import { LiveEventSpec } from '../../shared/content/live-events.ts';
import type { ConsoleLiveView, ConsoleMe } from '../../shared/protocol/live-events.ts';
import { liveEventStatus } from '../domain/live-events/status.ts';
import { dropViews, eventAnalytics } from '../events/analytics.ts';
import { liveHall } from '../events/live-hall.ts';
import { bansFor, liftBan, reportsFor } from '../events/moderation.ts';
import {
  cancelLiveEvent,
  consoleLiveEvent,
  createLiveEvent,
  getLiveEvent,
  listLiveEvents,
  updateLiveEvent,
} from '../events/schedule.ts';
import { services } from '../services.ts';
import { requireHost, staffOf } from './console-auth.ts';
import { mountConsoleContentRoutes } from './console-content-routes.ts';
import { describeZodError, sendError } from './errors.ts';

const LiftBanQuery = z.strictObject({
  scope: z.enum(['event', 'brand']),
  eventId: z.string().max(64).default(''),
});

/** The brand console's API: events, live view, analytics, bans and content; every route checks the host role first. */
export function mountConsoleRoutes(app: Application): void {
  const router = Router();
  router.use(requireHost);
  const db = () => services().ledger.db;

  router.get('/me', (_req, res) => {
    const staff = staffOf(res);
    const body: ConsoleMe = { memberId: staff.memberId, address: staff.address, role: staff.role };
    res.json(body);
  });

  router.get('/events', async (_req, res) => {
    const now = Date.now();
    res.json({ events: (await listLiveEvents(db())).map((row) => consoleLiveEvent(row, now)) });
  });

  router.post('/events', async (req, res) => {
    const spec = LiveEventSpec.safeParse(req.body);
    if (!spec.success) return sendError(res, 400, 'invalidEvent', describeZodError(spec.error));
    const row = await createLiveEvent(db(), spec.data, staffOf(res).address);
    res.status(201).json(consoleLiveEvent(row, Date.now()));
  });

  router.get('/events/:id', async (req, res) => {
    const row = await getLiveEvent(db(), req.params.id);
    if (!row) return sendError(res, 404, 'eventNotFound');
    res.json(consoleLiveEvent(row, Date.now()));
  });

  router.put('/events/:id', async (req, res) => {
    const spec = LiveEventSpec.safeParse(req.body);
    if (!spec.success) return sendError(res, 400, 'invalidEvent', describeZodError(spec.error));
    if (!(await getLiveEvent(db(), req.params.id))) return sendError(res, 404, 'eventNotFound');
    const row = await updateLiveEvent(db(), req.params.id, spec.data);
    if (!row) return sendError(res, 409, 'eventStarted', 'only a scheduled event can be changed');
    res.json(consoleLiveEvent(row, Date.now()));
  });

  router.delete('/events/:id', async (req, res) => {
    if (!(await getLiveEvent(db(), req.params.id))) return sendError(res, 404, 'eventNotFound');
    if (!(await cancelLiveEvent(db(), req.params.id))) return sendError(res, 409, 'eventEnded');
    res.status(204).end();
  });

  router.get('/events/:id/live', async (req, res) => {
    const row = await getLiveEvent(db(), req.params.id);
    if (!row) return sendError(res, 404, 'eventNotFound');
    const hall = await liveHall(row.id);
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

  router.get('/events/:id/analytics', async (req, res) => {
    const row = await getLiveEvent(db(), req.params.id);
    if (!row) return sendError(res, 404, 'eventNotFound');
    res.set('cache-control', 'no-store').json(await eventAnalytics(db(), row, Date.now()));
  });

  router.delete('/bans/:memberId', async (req, res) => {
    const query = LiftBanQuery.safeParse(req.query);
    if (!query.success) return sendError(res, 400, 'invalidQuery', describeZodError(query.error));
    const lifted = await liftBan(db(), req.params.memberId, query.data.scope, query.data.eventId);
    if (!lifted) return sendError(res, 404, 'banNotFound');
    res.status(204).end();
  });

  mountConsoleContentRoutes(router);
  router.use((_req, res) => sendError(res, 404, 'notFound'));
  app.use('/api/console', router);
}
