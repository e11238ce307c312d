import type { PublicEventsResponse, PublicLiveEvent } from '../../shared/protocol/live-events.ts';
import type { Slice } from '../core/slice.ts';
import type { DropOutcomeView, HallView } from './eventView.ts';

/** Live events: what the lounge lists, and the hall we sit in (mirrored from the event room's state). */
export interface EventSlice {
  /** Live and upcoming events from GET /api/events. */
  liveEvents: PublicLiveEvent[];
  /** Server clock minus ours (ms), from the `now` of the last events response; drop countdowns use it. */
  serverOffsetMs: number;
  /** The event whose hall we sit in; null in the lounges. */
  hallEventId: string | null;
  /** The hall's state; null until the first patch (and outside a hall). */
  hall: HallView | null;
  dropOutcome: DropOutcomeView | null;
  /** Our vote per poll id, so the option stays marked after the server counted it. */
  myVotes: Record<string, number>;
  /** The member whose report form is open (from the audience list or a chat line). */
  reportTarget: ReportTarget | null;
  setLiveEvents: (response: PublicEventsResponse, localNow?: number) => void;
  enterHall: (eventId: string) => void;
  leaveHall: () => void;
  /** Applies a fresh read of the hall; no-op (no re-render) when nothing React shows changed. */
  mirrorHall: (hall: HallView) => void;
  setDropOutcome: (outcome: DropOutcomeView | null) => void;
  recordVote: (pollId: string, option: number) => void;
  setReportTarget: (target: ReportTarget | null) => void;
}

export interface ReportTarget {
  memberId: string;
  name: string;
}

/** Everything a hall leaves behind when we walk out (or sign out). */
export const noHall = {
  hallEventId: null,
  hall: null,
  dropOutcome: null,
  myVotes: {},
  reportTarget: null,
} as const;

/** True when two reads of the hall differ in nothing React draws. */
export function sameHall(a: HallView | null, b: HallView | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The offset to add to Date.now() for the server's clock; 0 when the server sent no usable time. */
export function clockOffset(serverNow: string, localNow: number): number {
  const at = Date.parse(serverNow);
  return Number.isFinite(at) ? at - localNow : 0;
}

/** No events read yet, outside any hall. */
export const eventInitialState = {
  liveEvents: [] as PublicLiveEvent[],
  serverOffsetMs: 0,
  ...noHall,
};

/** Signing out walks out of the hall; the public list of events stays. */
export const eventReset: Partial<EventSlice> = noHall;

export const createEventSlice: Slice<EventSlice> = (set) => ({
  ...eventInitialState,
  setLiveEvents: (response, localNow = Date.now()) =>
    set({ liveEvents: response.events, serverOffsetMs: clockOffset(response.now, localNow) }),
  enterHall: (hallEventId) => set({ ...noHall, hallEventId }),
  leaveHall: () => set(noHall),
  mirrorHall: (hall) =>
    set((state) => {
      if (sameHall(state.hall, hall)) return state;
      // A new drop clears the outcome of the last one.
      const dropId = hall.stage.drop?.id;
      const stale = state.dropOutcome && dropId && state.dropOutcome.dropId !== dropId;
      return stale ? { hall, dropOutcome: null } : { hall };
    }),
  setDropOutcome: (dropOutcome) => set({ dropOutcome }),
  recordVote: (pollId, option) => set((state) => ({ myVotes: { ...state.myVotes, [pollId]: option } })),
  setReportTarget: (reportTarget) => set({ reportTarget }),
});
