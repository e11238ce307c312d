import type { PublicLiveEvent } from '../../shared/protocol/live-events.ts';

/** Events still worth listing: not ended or cancelled, soonest first. */
export function listedEvents(events: readonly PublicLiveEvent[]): PublicLiveEvent[] {
  return events
    .filter((event) => event.status !== 'ended' && event.status !== 'cancelled')
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

/** Events whose doors are open now: members may walk into their halls. */
export function openEvents(events: readonly PublicLiveEvent[]): PublicLiveEvent[] {
  return listedEvents(events).filter((event) => event.open);
}

/** The next event that has not opened yet, if any. */
export function nextEvent(events: readonly PublicLiveEvent[]): PublicLiveEvent | undefined {
  return listedEvents(events).find((event) => !event.open);
}

/** True once the show itself has started (doors open earlier, at DOORS_OPEN_MS before). */
export function hasStarted(event: PublicLiveEvent, serverNow: number): boolean {
  return serverNow >= Date.parse(event.startsAt);
}

/** What the Live now banner calls an open event: "Doors open" until the show starts (server clock), then "Live now". */
export function openEventLabel(
  event: PublicLiveEvent,
  serverNow: number,
): 'event.liveNow' | 'event.doorsOpen' {
  return hasStarted(event, serverNow) ? 'event.liveNow' : 'event.doorsOpen';
}
