import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The videoroom plugin's package: the one plugin a signed token names. */
export const VIDEOROOM_PLUGIN = 'janus.plugin.videoroom';

/**
 * A Janus signed token (token_auth_secret): `expiry,janus,plugin:base64(HMAC-SHA1(secret, "expiry,janus,plugin"))`,
 * checked by Janus itself on every request (auth.c: expiry in Unix seconds, realm `janus`, the plugins it may attach).
 */
export function signJanusToken(secret: string, expiresAtMs: number, plugins = [VIDEOROOM_PLUGIN]): string {
  const data = [String(Math.floor(expiresAtMs / 1000)), 'janus', ...plugins].join(',');
  return `${data}:${createHmac('sha1', secret).update(data).digest('base64')}`;
}

/** Whether a token was signed with `secret` and is unexpired at `nowMs` (the server's own check, as Janus does). */
export function verifyJanusToken(secret: string, token: string, nowMs: number): boolean {
  const [data, signature, extra] = token.split(':');
  if (!data || !signature || extra !== undefined) return false;
  const expiry = Number(data.split(',')[0]);
  if (!Number.isFinite(expiry) || expiry * 1000 < nowMs) return false;
  const expected = Buffer.from(createHmac('sha1', secret).update(data).digest('base64'));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A random secret (hex) for Janus' token, admin and room keys. */
export function randomSecret(bytes = 24): string {
  return randomBytes(bytes).toString('hex');
}
