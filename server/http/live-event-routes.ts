import type { Application } from 'express';
import type { PublicEventsResponse } from '../../shared/protocol/live-events.ts';
import { publicLiveEvent, upcomingLiveEvents } from '../events/schedule.ts';
import { services } from '../services.ts';

/** GET /api/events: live and upcoming events for the lounge's departures board; no sign-in needed. */
export function mountLiveEventRoutes(app: Application): void {
  app.get('/api/events', async (_req, res) => {
    const now = Date.now();
    const rows = await upcomingLiveEvents(services().ledger.db, now);
    const body: PublicEventsResponse = {
      events: rows.map((row) => publicLiveEvent(row, now)),
      now: new Date(now).toISOString(),
    };
    res.set('cache-control', 'no-store').json(body);
  });
}
