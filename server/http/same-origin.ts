import type { Request } from 'express';
import type { Config } from '../config.ts';

/** Names under which a local process is reached from a browser on the same machine. */
const LOCAL_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** Listen addresses that are no name a browser uses (any-address binds). */
const ANY_ADDRESS = new Set(['0.0.0.0', '::']);

/**
 * The origins this process serves its own pages on: PUBLIC_URL's, and the local URL (http://localhost:PORT and the
 * loopback addresses, or http://HOST:PORT when HOST is a name) on the port it listens on.
 */
export function ownOrigins(
  config: Pick<Config, 'publicUrl' | 'host'>,
  port: number | undefined,
): Set<string> {
  const origins = new Set<string>();
  if (config.publicUrl) origins.add(new URL(config.publicUrl).origin);
  if (port === undefined) return origins;
  const names = ANY_ADDRESS.has(config.host) ? LOCAL_NAMES : [...LOCAL_NAMES, config.host];
  for (const name of names) origins.add(new URL(`http://${name}:${port}`).origin);
  return origins;
}

/**
 * Whether a browser sent this request from the lounge's own pages: its Origin is one of `ownOrigins`, or (without an
 * Origin) its Sec-Fetch-Site says same-origin. A request with neither header comes from no browser page (curl, a
 * test, a script), which could send any header it liked: it is let through, as those headers only stop browsers.
 */
export function fromOwnPages(req: Request, config: Pick<Config, 'publicUrl' | 'host'>): boolean {
  const origin = req.get('origin');
  const site = req.get('sec-fetch-site');
  if (origin !== undefined) return ownOrigins(config, req.socket.localPort).has(origin);
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  return true;
}
