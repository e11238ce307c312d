import type { LiveEventSpec } from '../../shared/content/live-events.ts';
import type { HealthResponse, TestWalletResponse } from '../../shared/protocol/http.ts';
import type {
  ConsoleAnalytics,
  ConsoleContent,
  ConsoleLiveEvent,
  ConsoleLiveView,
  ConsoleMe,
  ContentKind,
  ContentSaved,
} from '../../shared/protocol/live-events.ts';
import { type ConsoleErrorCode, toConsoleErrorCode } from './errors.ts';

/** A failed console call: a code the UI translates, the HTTP status, and the server's detail for the form. */
export class ConsoleApiError extends Error {
  readonly code: ConsoleErrorCode;
  readonly status: number;
  readonly detail: string | undefined;
  constructor(code: ConsoleErrorCode, status: number, detail?: string, options?: { cause?: unknown }) {
    super(`Layover console: ${code}${detail ? ` (${detail})` : ''}`, options);
    this.name = 'ConsoleApiError';
    this.code = code;
    this.status = status;
    this.detail = detail;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One JSON call; `token` goes out as a bearer token; a 204 resolves to undefined. */
export async function callJson<T>(method: Method, path: string, token?: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (cause) {
    throw new ConsoleApiError('network', 0, undefined, { cause });
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = data && typeof data === 'object' ? (data as { error?: unknown; detail?: unknown }) : {};
    const detail = typeof error.detail === 'string' ? error.detail : undefined;
    throw new ConsoleApiError(toConsoleErrorCode(error.error, response.status), response.status, detail);
  }
  return data as T;
}

const id = encodeURIComponent;

/** Server features; null when it cannot be reached (the sign-in screen then hides the test wallet). */
export const fetchHealth = (): Promise<HealthResponse | null> =>
  callJson<HealthResponse>('GET', '/health').catch(() => null);
/** Dev chain only: a fresh funded wallet with the host role, signed in. */
export const signInTestHost = (name: string) =>
  callJson<TestWalletResponse>('POST', '/auth/test-wallet', undefined, { name, host: true });

/** Who is signed in; also the check that a fresh token carries the host role. */
export const fetchMe = (token: string) => callJson<ConsoleMe>('GET', '/api/console/me', token);
/** The brand's events, newest start first. */
export const listEvents = (token: string) =>
  callJson<{ events: ConsoleLiveEvent[] }>('GET', '/api/console/events', token);
/** Schedules an event; the server checks the spec with the same schema. */
export const createEvent = (token: string, spec: LiveEventSpec) =>
  callJson<ConsoleLiveEvent>('POST', '/api/console/events', token, spec);
/** Replaces an event's spec; refused with eventStarted once it is live or over. */
export const updateEvent = (token: string, eventId: string, spec: LiveEventSpec) =>
  callJson<ConsoleLiveEvent>('PUT', `/api/console/events/${id(eventId)}`, token, spec);
/** Cancels an event; refused with eventEnded once it is over. */
export const cancelEvent = (token: string, eventId: string) =>
  callJson<void>('DELETE', `/api/console/events/${id(eventId)}`, token);
/** The hall right now (polled while the event page shows). */
export const fetchLive = (token: string, eventId: string) =>
  callJson<ConsoleLiveView>('GET', `/api/console/events/${id(eventId)}/live`, token);
/** How the event went, from the ledger. */
export const fetchAnalytics = (token: string, eventId: string) =>
  callJson<ConsoleAnalytics>('GET', `/api/console/events/${id(eventId)}/analytics`, token);

/** Lifts a ban; the event is named for both scopes, so the server can check the ban was seen from it. */
export function liftBan(token: string, memberId: string, scope: 'event' | 'brand', eventId: string) {
  const query = new URLSearchParams({ scope, eventId });
  return callJson<void>('DELETE', `/api/console/bans/${id(memberId)}?${query}`, token);
}

/** Running quests, prizes and gates, and saved drafts. */
export const fetchContent = (token: string) => callJson<ConsoleContent>('GET', '/api/console/content', token);
/** Saves a content draft; it applies when the server next starts. */
export const saveContent = (token: string, kind: ContentKind, itemId: string, body: unknown) =>
  callJson<ContentSaved>('PUT', `/api/console/content/${kind}/${id(itemId)}`, token, body);
