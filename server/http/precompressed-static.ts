import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { COMPRESSIBLE } from '../build-precompress.ts';

/** Encodings the build writes beside a file, best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Whether the request's Accept-Encoding allows `name` (a q=0 entry refuses it). */
export function accepts(header: string | undefined, name: string): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [token, ...params] = part.trim().split(';');
    if (token?.trim().toLowerCase() !== name) return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** Vite's hashed chunks never change under their name; everything else may, so it is revalidated hourly. */
export const cacheControlFor = (urlPath: string): string =>
  urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';

/**
 * Serves a built file's `.br` or `.gz` twin (written by the build) to a browser that accepts it, with the original's
 * type, `Content-Encoding` and `Vary: Accept-Encoding`; anything else falls through to express.static.
 */
export function precompressedStatic(clientDir: string) {
  const root = normalize(clientDir + sep);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!COMPRESSIBLE.has(extname(req.path))) return next();
    let path: string;
    try {
      path = normalize(join(root, decodeURIComponent(req.path)));
    } catch {
      return next();
    }
    if (!path.startsWith(root)) return next();
    res.vary('Accept-Encoding');
    const header = req.get('accept-encoding');
    const encoding = ENCODINGS.find((e) => accepts(header, e.name) && existsSync(path + e.suffix));
    if (!encoding || !statSync(path + encoding.suffix).isFile()) return next();
    res.set({ 'content-encoding': encoding.name, 'cache-control': cacheControlFor(req.path) });
    res.type(extname(path));
    res.sendFile(path + encoding.suffix, { cacheControl: false });
  };
}
