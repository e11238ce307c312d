import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/** How long wallets and CDNs may keep each kind of document (seconds). */
export const METADATA_MAX_AGE = {
  /** Stamps, prizes and collections change only with the content (a redeploy of the server). */
  content: 3600,
  /** A pass's tier can change on chain (setTier): a minute. */
  pass: 60,
} as const;

/**
 * Sends a metadata document as JSON with `Cache-Control: public` and a strong ETag of its bytes, so every worker of a
 * cluster answers the same ETag and a revalidation costs a 304.
 */
export function sendCachedJson(req: Request, res: Response, body: unknown, maxAgeSeconds: number): void {
  const json = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"`;
  res.set('Cache-Control', `public, max-age=${maxAgeSeconds}`);
  res.set('ETag', etag);
  res.type('application/json');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.send(json);
}
