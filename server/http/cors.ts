import { matchMaker } from '@colyseus/core';
import type { Config } from '../config.ts';
import { ownOrigins } from './same-origin.ts';
import { API_SECURITY_HEADERS } from './security-headers.ts';

/** Which origins may read the API's answers (and send cookies with their calls). */
export type OriginAllowed = (origin: string) => boolean;

/** The allow-list: the lounge's own origins (PUBLIC_URL's, the local URL on the port `port()` reports) and CORS_ORIGINS. */
export function corsAllowList(
  config: Pick<Config, 'publicUrl' | 'host' | 'corsOrigins'>,
  port: () => number | undefined,
): OriginAllowed {
  let cached: { port: number | undefined; origins: Set<string> } | undefined;
  return (origin) => {
    const now = port();
    if (!cached || cached.port !== now)
      cached = { port: now, origins: new Set([...ownOrigins(config, now), ...config.corsOrigins]) };
    return cached.origins.has(origin);
  };
}

/** What a preflight answer allows an allowed origin to send. */
const ALLOWED_REQUESTS = {
  'Access-Control-Allow-Headers': 'Origin, X-Requested-With, Content-Type, Accept, Authorization',
  'Access-Control-Allow-Methods': 'GET,HEAD,PUT,PATCH,POST,DELETE',
  'Access-Control-Max-Age': '7200',
};

/** CORS headers for a request from `origin`: the full set with credentials for an allowed one, none otherwise. */
export function corsHeadersFor(origin: string | null, allowed: OriginAllowed): Record<string, string> {
  // Every answer depends on the Origin: caches keep one per origin.
  const vary = { Vary: 'Origin' };
  if (!origin || origin === 'null' || !allowed(origin)) return vary;
  return {
    ...vary,
    ...ALLOWED_REQUESTS,
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
  };
}

/**
 * Replaces Colyseus' CORS (it reflects every Origin with credentials, on every route of the HTTP server, preflights
 * included) with the allow-list; the API's security headers ride along, so /matchmake answers carry them too. The
 * matchmaker is one per process, as is a Layover server.
 */
export function installCorsPolicy(allowed: OriginAllowed): void {
  const { controller } = matchMaker;
  const defaults: Record<string, string> = controller.DEFAULT_CORS_HEADERS;
  for (const header of Object.keys(defaults)) delete defaults[header];
  controller.getCorsHeaders = (headers: Headers) => ({
    ...API_SECURITY_HEADERS,
    ...corsHeadersFor(headers.get('origin'), allowed),
  });
}
