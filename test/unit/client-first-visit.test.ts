import { describe, expect, it } from 'vitest';
import {
  nextTourState,
  rememberTour,
  TOUR_CLOSED,
  TOUR_OFF_KEY,
  type TourMemory,
  tourDue,
} from '../../client/lounge/arrival/tourState.ts';
import { TOUR_STEPS } from '../../client/lounge/arrival/tourSteps.ts';
import { eventLines, flightLines } from '../../client/lounge/board/boardRows.ts';
import { mapBounds, mapFurniture, selfMarkerTransform } from '../../client/lounge/minimap/mapGeometry.ts';
import { layoutForRoom } from '../../client/lounge/minimap/roomLayout.ts';
import { loungeLayout } from '../../shared/content/lounge-layout.ts';
import type { PublicLiveEvent } from '../../shared/protocol/live-events.ts';

function memoryOf(entries: Record<string, string> = {}): TourMemory & { entries: Record<string, string> } {
  return {
    entries,
    getItem: (key) => entries[key] ?? null,
    setItem: (key, value) => {
      entries[key] = value;
    },
  };
}

describe('guided arrival state', () => {
  it('starts at the first step, walks each step and closes after the last', () => {
    let state = nextTourState(TOUR_CLOSED, 'start', 3);
    expect(state).toEqual({ kind: 'open', step: 0 });
    state = nextTourState(state, 'next', 3);
    state = nextTourState(state, 'next', 3);
    expect(state).toEqual({ kind: 'open', step: 2 });
    expect(nextTourState(state, 'next', 3)).toEqual(TOUR_CLOSED);
  });

  it('closes on skip from any step, and next on a closed tour does nothing', () => {
    expect(nextTourState({ kind: 'open', step: 1 }, 'skip', 3)).toEqual(TOUR_CLOSED);
    expect(nextTourState(TOUR_CLOSED, 'next', 3)).toEqual(TOUR_CLOSED);
    expect(nextTourState(TOUR_CLOSED, 'start', 0)).toEqual(TOUR_CLOSED);
  });

  it('is due on a first visit only, per member, and never when switched off or storage refuses', () => {
    const memory = memoryOf();
    expect(tourDue('m-1', memory)).toBe(true);
    rememberTour('m-1', memory, Date.UTC(2026, 11, 5));
    expect(tourDue('m-1', memory)).toBe(false);
    expect(tourDue('m-2', memory)).toBe(true);
    expect(tourDue('m-2', memoryOf({ [TOUR_OFF_KEY]: '1' }))).toBe(false);
    const refusing: TourMemory = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(tourDue('m-1', refusing)).toBe(false);
    expect(() => rememberTour('m-1', refusing, 0)).not.toThrow();
  });

  it('visits the board first, then the arcade, the VIP door and the bar: zones the layout has', () => {
    expect(TOUR_STEPS.map((step) => step.zone)).toEqual(['departures-board', 'arcade', 'vip-door', 'bar']);
    const zones = new Set(loungeLayout.zones.map((zone) => zone.id));
    for (const step of TOUR_STEPS) expect(zones.has(step.zone)).toBe(true);
  });
});

describe('map projection', () => {
  it('spans the lounge from wall to wall, in metres', () => {
    expect(mapBounds(loungeLayout)).toEqual({ minX: -20, minZ: -14, width: 40, height: 28 });
  });

  it("follows the room's own layout: the VIP lounge is drawn within its own walls", () => {
    const vip = layoutForRoom('vip');
    expect(vip).not.toBe(loungeLayout);
    const bounds = vip.bounds!;
    expect(mapBounds(vip)).toEqual({
      minX: bounds.minX,
      minZ: bounds.minZ,
      width: bounds.maxX - bounds.minX,
      height: bounds.maxZ - bounds.minZ,
    });
    expect(layoutForRoom('event')).toBe(loungeLayout);
  });

  it('points the arrow where the avatar faces: heading 0 (south) is down the map, pi/2 (east) is right', () => {
    expect(selfMarkerTransform(1.234, -5, 0)).toBe('translate(1.23 -5.00) rotate(0.0)');
    // The arrow's tip is drawn at +y; rotate(a) turns it clockwise on screen (y down): -90 puts it at +x, east.
    expect(selfMarkerTransform(0, 0, Math.PI / 2)).toBe('translate(0.00 0.00) rotate(-90.0)');
  });

  it('draws solid furniture, walls and doors but not plants', () => {
    const kinds = new Set(mapFurniture(loungeLayout).map((box) => box.kind));
    expect(kinds.has('board')).toBe(true);
    expect(kinds.has('vipDoor')).toBe(true);
    expect(kinds.has('plant')).toBe(false);
  });
});

describe('departures board panel rows', () => {
  it('names every flight city in the catalogues', () => {
    expect(flightLines().every((line) => line.city !== null)).toBe(true);
  });

  it('lists live events first by start, with their status in words, and leaves ended ones out', () => {
    const base = {
      description: '',
      hall: 'main-stage',
      endsAt: '2026-12-05T22:00:00Z',
      access: { kind: 'anyone' },
      drops: [],
      attendMinutes: 5,
      attendanceStampId: 'x',
    } as const;
    const events = [
      {
        ...base,
        id: 'later',
        title: 'Later',
        startsAt: '2026-12-05T21:00:00Z',
        status: 'scheduled',
        open: false,
      },
      {
        ...base,
        id: 'now',
        title: 'Hội An nights',
        startsAt: '2026-12-05T19:00:00Z',
        status: 'live',
        open: true,
      },
      { ...base, id: 'done', title: 'Done', startsAt: '2026-12-05T10:00:00Z', status: 'ended', open: false },
    ] as unknown as PublicLiveEvent[];
    const lines = eventLines(events, Date.parse('2026-12-05T19:30:00Z'));
    expect(lines.map((line) => [line.id, line.title, line.status, line.hall])).toEqual([
      ['now', 'Hội An nights', 'board.status.live', 'event.hall.mainStage'],
      ['later', 'Later', 'board.status.scheduled', 'event.hall.mainStage'],
    ]);
  });
});
