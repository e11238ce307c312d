import { DOORS_OPEN_MS, type LiveEventStatus } from '../../../shared/content/live-events.ts';

/** The times that decide where an event stands. */
export interface EventTimes {
  startsAt: Date;
  endsAt: Date;
  cancelledAt: Date | null;
  endedAt: Date | null;
}

/** Scheduled until it starts, live until it ends (by time or by the host), or cancelled. */
export function liveEventStatus(event: EventTimes, now: number): LiveEventStatus {
  if (event.cancelledAt) return 'cancelled';
  if (event.endedAt || now >= event.endsAt.getTime()) return 'ended';
  return now >= event.startsAt.getTime() ? 'live' : 'scheduled';
}

/** Members may walk in from DOORS_OPEN_MS before the start until the end. */
export function doorsOpen(event: EventTimes, now: number): boolean {
  const status = liveEventStatus(event, now);
  return status === 'live' || (status === 'scheduled' && now >= event.startsAt.getTime() - DOORS_OPEN_MS);
}

/** Milliseconds of [from, to) that fall while the event was live; attendance counts only these. */
export function liveOverlapMs(event: EventTimes, from: number, to: number): number {
  const end = Math.min(event.endsAt.getTime(), event.endedAt?.getTime() ?? Number.POSITIVE_INFINITY);
  return Math.max(0, Math.min(to, end) - Math.max(from, event.startsAt.getTime()));
}
