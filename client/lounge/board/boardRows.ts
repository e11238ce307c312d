import type { PublicLiveEvent } from '../../../shared/protocol/live-events.ts';
import type { QuestsSnapshot } from '../../../shared/protocol/quests.ts';
import { findQuest, localize } from '../../core/content.ts';
import type { MessageKey } from '../../core/i18n/en.ts';
import type { Locale } from '../../core/i18n/translate.ts';
import { listedEvents } from '../../hall/liveEventsList.ts';
import { FLIGHTS } from '../scene/furniture/departures.ts';

/** A flight of the board as the panel lists it: the city and status put into words by key. */
export interface FlightLine {
  key: string;
  time: string;
  flight: string;
  /** The city's name by key; null for a city the catalogues do not name (shown as the board writes it). */
  city: MessageKey | null;
  destination: string;
  gate: string;
  status: MessageKey;
}

const CITY_KEYS: Readonly<Record<string, MessageKey>> = {
  TAIPEI: 'board.city.taipei',
  'HO CHI MINH CITY': 'board.city.hoChiMinhCity',
  SHANGHAI: 'board.city.shanghai',
  SINGAPORE: 'board.city.singapore',
  'HONG KONG': 'board.city.hongKong',
};

const FLIGHT_STATUS_KEYS: Readonly<Record<string, MessageKey>> = {
  BOARDING: 'board.status.boarding',
  'ON TIME': 'board.status.onTime',
  DELAYED: 'board.status.delayed',
  'GATE OPEN': 'board.status.gateOpen',
};

/** The 3D board's flights (client/lounge/scene/furniture/departures.ts), readable in the member's language. */
export function flightLines(): FlightLine[] {
  return FLIGHTS.map((row) => ({
    key: row.key,
    time: row.time,
    flight: row.flight,
    city: CITY_KEYS[row.destination] ?? null,
    destination: row.destination,
    gate: row.gate,
    status: FLIGHT_STATUS_KEYS[row.status] ?? 'board.status.onTime',
  }));
}

/** A live or upcoming event as the panel lists it: its own title (any script), start time, hall and status. */
export interface EventLine {
  id: string;
  title: string;
  startsAt: number;
  hall: MessageKey;
  status: MessageKey;
}

const HALL_KEYS: Readonly<Record<string, MessageKey>> = {
  'main-stage': 'event.hall.mainStage',
  'sky-terrace': 'event.hall.skyTerrace',
};

/** Events still to come or on now, soonest first, as the 3D board lists them (live, doors open, scheduled). */
export function eventLines(events: readonly PublicLiveEvent[], serverNow: number): EventLine[] {
  return listedEvents(events).map((event) => {
    const startsAt = Date.parse(event.startsAt);
    const status: MessageKey = !event.open
      ? 'board.status.scheduled'
      : serverNow >= startsAt
        ? 'board.status.live'
        : 'board.status.doorsOpen';
    return {
      id: event.id,
      title: event.title,
      startsAt,
      hall: HALL_KEYS[event.hall] ?? 'event.placeHall',
      status,
    };
  });
}

/** One journey of the member as the panel lists it. */
export interface QuestLine {
  id: string;
  title: string;
  state: 'done' | 'locked' | 'open';
  stepsDone: number;
  steps: number;
}

/** The member's journeys that are open, locked or done (not ended or upcoming), in the journal's order. */
export function questLines(passport: QuestsSnapshot | null, locale: Locale): QuestLine[] {
  if (!passport) return [];
  return passport.quests.flatMap((view) => {
    const quest = findQuest(view.id);
    if (!quest || view.status === 'ended' || view.status === 'upcoming') return [];
    const state = view.status === 'completed' ? 'done' : view.status === 'locked' ? 'locked' : 'open';
    const stepsDone = view.steps.filter((step) => step.progress >= step.target).length;
    return [
      { id: view.id, title: localize(quest.title, locale), state, stepsDone, steps: view.steps.length },
    ];
  });
}
