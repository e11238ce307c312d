import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { AppContext } from '../context.ts';

/** The browser's own id: kept across sign-outs and new guests, so a ban on a guest reaches the next one it makes. */
export const BROWSER_COOKIE = 'layover_browser';

/** About 400 days, the longest a browser keeps a cookie. */
const BROWSER_COOKIE_MAX_AGE_MS = 400 * 24 * 3_600_000;

const BROWSER_ID = /^[A-Za-z0-9_-]{22}$/;

/** The browser id the request carries, or undefined when absent or malformed. */
export function browserIdOf(req: Request): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === BROWSER_COOKIE && value && BROWSER_ID.test(value)) return value;
  }
  return undefined;
}

/** The request's browser id, or a new one; the cookie (sent to /auth only, like the refresh cookie) is renewed. */
export function ensureBrowserId(ctx: AppContext, req: Request, res: Response): string {
  const id = browserIdOf(req) ?? randomBytes(16).toString('base64url');
  res.cookie(BROWSER_COOKIE, id, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.publicUrl?.startsWith('https:') === true,
    path: '/auth',
    maxAge: BROWSER_COOKIE_MAX_AGE_MS,
  });
  return id;
}
