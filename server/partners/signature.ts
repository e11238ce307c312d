import { createHmac, timingSafeEqual } from 'node:crypto';
import { PARTNER_SIGNATURE_TOLERANCE_S } from '../../shared/protocol/partners.ts';

/** The request headers of the partner signature scheme (lower-case, as Node reads them). */
export const PARTNER_HEADER = 'x-layover-partner';
export const TIMESTAMP_HEADER = 'x-layover-timestamp';
export const SIGNATURE_HEADER = 'x-layover-signature';

/** `v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`: the one recipe both ways (partner calls and webhooks). */
export function signPayload(secret: string, timestamp: number | string, body: Buffer | string): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${timestamp}.`);
  hmac.update(body);
  return `v1=${hmac.digest('hex')}`;
}

/** The three headers that sign `body` at `timestamp` (unix seconds) as `partnerId`. */
export function signatureHeaders(
  partnerId: string,
  secret: string,
  timestamp: number,
  body: Buffer | string,
): Record<string, string> {
  return {
    'X-Layover-Partner': partnerId,
    'X-Layover-Timestamp': String(timestamp),
    'X-Layover-Signature': signPayload(secret, timestamp, body),
  };
}

/** Why a signature was refused: the code the API answers (401). */
export type SignatureRefusal = 'staleSignature' | 'badSignature';

/**
 * Checks a request's timestamp (at most 300 s off `nowMs`) and signature over the raw bytes, in constant time, so
 * neither a replay of an old request nor a guessed signature passes. Undefined when it is good.
 */
export function checkSignature(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  body: Buffer;
  nowMs: number;
}): SignatureRefusal | undefined {
  const { timestamp, signature } = input;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return 'staleSignature';
  if (Math.abs(Number(timestamp) - input.nowMs / 1000) > PARTNER_SIGNATURE_TOLERANCE_S)
    return 'staleSignature';
  if (!signature) return 'badSignature';
  const expected = Buffer.from(signPayload(input.secret, timestamp, input.body));
  const given = Buffer.from(signature.trim());
  if (given.length !== expected.length) return 'badSignature';
  return timingSafeEqual(given, expected) ? undefined : 'badSignature';
}
