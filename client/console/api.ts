import type { LiveEventSpec } from '../../shared/content/live-events.ts';
import type { TestWalletResponse } from '../../shared/protocol/http.ts';
import type {
  ConsoleAnalytics,
  ConsoleContent,
  ConsoleLiveEvent,
  ConsoleLiveView,
  ConsoleMe,
  ContentKind,
  ContentSaved,
} from '../../shared/protocol/live-events.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { callRoute } from '../core/http.ts';

// The console's calls, each through the route table and the lounge's own HTTP helper (one error type: ApiError).

/** Dev chain only: a fresh funded wallet with the host role, signed in. */
export const signInTestHost = (name: string) =>
  callRoute<TestWalletResponse>(routes.testWallet, { body: { name, host: true } });

/** Who is signed in; also the check that a fresh token carries the host role. */
export const fetchMe = (token: string) => callRoute<ConsoleMe>(routes.consoleMe, { token });
/** The brand's events, newest start first. */
export const listEvents = (token: string) =>
  callRoute<{ events: ConsoleLiveEvent[] }>(routes.consoleEvents, { token });
/** Schedules an event; the server checks the spec with the same schema. */
export const createEvent = (token: string, spec: LiveEventSpec) =>
  callRoute<ConsoleLiveEvent>(routes.consoleCreateEvent, { token, body: spec });
/** Replaces an event's spec; refused with eventStarted once it is live or over. */
export const updateEvent = (token: string, eventId: string, spec: LiveEventSpec) =>
  callRoute<ConsoleLiveEvent>(routes.consoleUpdateEvent, { token, params: { id: eventId }, body: spec });
/** Cancels an event; refused with eventEnded once it is over. */
export const cancelEvent = (token: string, eventId: string) =>
  callRoute<void>(routes.consoleCancelEvent, { token, params: { id: eventId } });
/** The hall right now (polled while the event page shows). */
export const fetchLive = (token: string, eventId: string) =>
  callRoute<ConsoleLiveView>(routes.consoleLiveView, { token, params: { id: eventId } });
/** How the event went, from the ledger. */
export const fetchAnalytics = (token: string, eventId: string) =>
  callRoute<ConsoleAnalytics>(routes.consoleAnalytics, { token, params: { id: eventId } });

/** Lifts a ban; the event is named for both scopes, so the server can check the ban was seen from it. */
export const liftBan = (token: string, memberId: string, scope: 'event' | 'brand', eventId: string) =>
  callRoute<void>(routes.consoleLiftBan, { token, params: { memberId }, query: { scope, eventId } });

/** Running quests, prizes and gates, and saved drafts. */
export const fetchContent = (token: string) => callRoute<ConsoleContent>(routes.consoleContent, { token });
/** Saves a content draft; it applies when the server next starts. */
export const saveContent = (token: string, kind: ContentKind, itemId: string, body: unknown) =>
  callRoute<ContentSaved>(routes.consoleSaveContent, { token, params: { kind, id: itemId }, body });
