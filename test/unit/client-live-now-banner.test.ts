import { describe, expect, it } from 'vitest';
import { openEventLabel, openEvents } from '../../client/hall/liveEventsList.ts';
import type { PublicLiveEvent } from '../../shared/protocol/live-events.ts';

const START = Date.parse('2030-05-01T12:00:00Z');

function liveEvent(id: string, open: boolean): PublicLiveEvent {
  return {
    id,
    title: id,
    description: '',
    hall: 'main-stage',
    startsAt: new Date(START).toISOString(),
    endsAt: new Date(START + 60 * 60_000).toISOString(),
    status: 'scheduled',
    open,
    access: { kind: 'anyone' },
    drops: [],
    attendMinutes: 5,
    attendanceStampId: 'live-event',
  };
}

/** The banner over the lounge says "Live now" only once a show has started; before that its doors are open. */
describe('Live now banner label', () => {
  it('says Doors open while the doors are open before the start, Live now from the start on', () => {
    const show = liveEvent('show', true);
    expect(openEvents([show, liveEvent('later', false)]).map((event) => event.id)).toEqual(['show']);
    expect(openEventLabel(show, START - 90_000)).toBe('event.doorsOpen');
    expect(openEventLabel(show, START - 1)).toBe('event.doorsOpen');
    expect(openEventLabel(show, START)).toBe('event.liveNow');
    expect(openEventLabel(show, START + 30 * 60_000)).toBe('event.liveNow');
  });
});
