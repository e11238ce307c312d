import type { PublicEventsResponse } from '../../../shared/protocol/live-events.ts';
import { routes } from '../../../shared/protocol/routes.ts';
import { callRoute } from '../../core/http.ts';

/** How often the lounge refreshes its list of live and upcoming events. */
export const LIVE_EVENTS_REFRESH_MS = 30_000;

function isEventsResponse(value: unknown): value is PublicEventsResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as PublicEventsResponse).events) &&
    typeof (value as PublicEventsResponse).now === 'string'
  );
}

/** Live and upcoming events (GET /api/events); null when the server cannot say right now. */
export async function fetchLiveEvents(): Promise<PublicEventsResponse | null> {
  const body = await callRoute<unknown>(routes.liveEvents).catch(() => null);
  return isEventsResponse(body) ? body : null;
}
