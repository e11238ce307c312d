import { describe, expect, it } from 'vitest';
import { BOARD_ROWS } from '../../client/lounge/scene/furniture/departures.ts';
import {
  boardText,
  eventBoardRows,
  localClockTime,
} from '../../client/lounge/scene/furniture/eventDepartures.ts';
import type { PublicLiveEvent } from '../../shared/protocol/live-events.ts';

const START = Date.parse('2030-05-01T12:00:00Z');

function liveEvent(overrides: Partial<PublicLiveEvent> = {}): PublicLiveEvent {
  return {
    id: 'launch-party',
    title: 'Launch party',
    description: '',
    hall: 'main-stage',
    startsAt: new Date(START).toISOString(),
    endsAt: new Date(START + 60 * 60_000).toISOString(),
    status: 'scheduled',
    open: false,
    access: { kind: 'anyone' },
    drops: [],
    attendMinutes: 5,
    attendanceStampId: 'x',
    ...overrides,
  };
}

const clock = (at: Date) => at.toISOString().slice(11, 16);

describe('boardText', () => {
  it('folds accents and Vietnamese letters to upper-case ASCII', () => {
    expect(boardText('Hội An đêm nhạc')).toBe('HOI AN DEM NHAC');
    expect(boardText('Café crème à Zürich')).toBe('CAFE CREME A ZURICH');
  });

  it('drops what the font cannot draw and squeezes the gaps', () => {
    expect(boardText('Mid-Autumn 中秋 Party 🎉')).toBe('MID-AUTUMN PARTY');
    expect(boardText('中秋晚會')).toBe('');
    expect(boardText('ＦＵＬＬ width')).toBe('FULL WIDTH');
  });

  it('cuts long titles with ASCII dots', () => {
    const text = boardText('The very long annual frequent flyer gala night');
    expect(text).toBe('THE VERY LONG ANNUAL...');
    expect(text.length).toBeLessThanOrEqual(24);
  });
});

describe('eventBoardRows', () => {
  it('says ON TIME before the doors open, BOARDING once open, LIVE after the start', () => {
    const status = (event: PublicLiveEvent, now: number) => eventBoardRows([event], now, clock)[0]?.status;
    expect(status(liveEvent(), START - 3_600_000)).toBe('ON TIME');
    expect(status(liveEvent({ open: true }), START - 60_000)).toBe('BOARDING');
    expect(status(liveEvent({ open: true, status: 'live' }), START + 60_000)).toBe('LIVE');
  });

  it('lists soonest first with time, title, hall name; ended and cancelled events are left off', () => {
    const rows = eventBoardRows(
      [
        liveEvent({ id: 'late', title: 'Late show', startsAt: new Date(START + 7_200_000).toISOString() }),
        liveEvent({ id: 'gone', status: 'ended' }),
        liveEvent({ id: 'off', status: 'cancelled' }),
        liveEvent({ id: 'soon', title: 'Sky chat', hall: 'sky-terrace' }),
      ],
      START - 3_600_000,
      clock,
    );
    expect(rows.map(({ key, time, destination, gate }) => [key, time, destination, gate])).toEqual([
      ['soon', '12:00', 'SKY CHAT', 'SKY TERRACE'],
      ['late', '14:00', 'LATE SHOW', 'MAIN STAGE'],
    ]);
  });

  it('names an all-CJK title LIVE EVENT and never lists more rows than the board holds', () => {
    const many = Array.from({ length: BOARD_ROWS + 3 }, (_, i) =>
      liveEvent({ id: `e${i}`, title: '中秋晚會' }),
    );
    const rows = eventBoardRows(many, START, clock);
    expect(rows).toHaveLength(BOARD_ROWS);
    expect(rows[0]?.destination).toBe('LIVE EVENT');
  });

  it('is empty without events, so the board falls back to the flights', () => {
    expect(eventBoardRows([], START)).toEqual([]);
  });
});

describe('localClockTime', () => {
  it('is HH:MM on a 24-hour clock', () => {
    expect(localClockTime(new Date(2030, 0, 1, 7, 5))).toBe('07:05');
    expect(localClockTime(new Date(2030, 0, 1, 19, 45))).toBe('19:45');
  });
});
