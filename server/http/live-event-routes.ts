import type { Application } from 'express';
import type { PublicEventsResponse } from '../../shared/protocol/live-events.ts';
import { routes } from '../../shared/protocol/routes.ts';
import type { AppContext } from '../context.ts';
import { publicLiveEvent, upcomingLiveEvents } from '../live-events/schedule.ts';

/** GET /api/events: live and upcoming events for the lounge's departures board; no sign-in needed. */
export function mountLiveEventRoutes(app: Application, ctx: AppContext): void {
  app.get(routes.liveEvents.path, async (_req, res) => {
    const now = Date.now();
    const rows = await upcomingLiveEvents(ctx.ledger.db, now);
    const body: PublicEventsResponse = {
      events: rows.map((row) => publicLiveEvent(row, now)),
      now: new Date(now).toISOString(),
    };
    res.set('cache-control', 'no-store').json(body);
  });
}
