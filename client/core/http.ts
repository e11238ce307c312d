import type { z } from 'zod';
import type { HealthResponse } from '../../shared/protocol/http.ts';
import { type PathParams, type RouteSpec, routePath, routes } from '../../shared/protocol/routes.ts';

/** The code a refusal without a usable `error` field gets from its status, so both apps can translate it. */
function codeFromStatus(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rateLimited';
  return 'internal';
}

/**
 * A failed call to our own HTTP API (lounge and console alike): the server's error code (else one from the status,
 * `network` when nothing answered), the status (0 without an answer) and the server's detail for a form.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly detail: string | undefined;
  /** The refusal's JSON body as the server sent it (a form reads its own fields from it, such as `issues`). */
  readonly body: unknown;
  constructor(code: string, status = 0, detail?: string, options?: { cause?: unknown; body?: unknown }) {
    super(`Layover API: ${code}${detail ? ` (${detail})` : ''}`, options);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.detail = detail;
    this.body = options?.body;
  }
}

/** What a call sends: `:name` parameters, a query, a JSON body (typed by the route's schema) and a bearer token. */
export interface CallParameters<R extends RouteSpec> {
  params?: PathParams<R['path']>;
  query?: Record<string, string>;
  body?: R['body'] extends z.ZodType ? z.input<R['body']> : unknown;
  token?: string | undefined;
  /** `no-store` where a stale answer would mislead (leaderboards right after a round). */
  cache?: RequestCache;
}

/** The URL of a route from shared/protocol/routes.ts with its parameters and query filled in. */
export function routeUrl<R extends RouteSpec>(route: R, { params, query }: CallParameters<R> = {}): string {
  const path = routePath(route.path, (params ?? {}) as PathParams<R['path']>);
  const search = query ? new URLSearchParams(query).toString() : '';
  return search ? `${path}?${search}` : path;
}

/** Calls one route and reads its JSON answer (a 204 is undefined); any failure is an ApiError. */
export async function callRoute<T, R extends RouteSpec = RouteSpec>(
  route: R,
  call: CallParameters<R> = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  let response: Response;
  try {
    response = await fetch(routeUrl(route, call), {
      method: route.method,
      headers,
      ...(call.cache ? { cache: call.cache } : {}),
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    });
  } catch (cause) {
    throw new ApiError('network', 0, undefined, { cause });
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = data && typeof data === 'object' ? (data as { error?: unknown; detail?: unknown }) : {};
    const code = typeof error.error === 'string' ? error.error : codeFromStatus(response.status);
    throw new ApiError(code, response.status, typeof error.detail === 'string' ? error.detail : undefined, {
      body: data,
    });
  }
  return data as T;
}

/** /health as the clients read it: `rpcUrl` is where the browser reaches the chain, when the server says. */
export type ClientHealth = HealthResponse & { rpcUrl?: string };

/** Server health and features (chain, contracts, test wallet); null when the server cannot be reached. */
export function fetchHealth(): Promise<ClientHealth | null> {
  return callRoute<ClientHealth>(routes.health).catch(() => null);
}
