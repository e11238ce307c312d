// The partner API's request signature (see server/partners/signature.ts): HMAC-SHA256 over "<timestamp>.<raw body>".
import { createHash, createHmac } from 'node:crypto';

/** The three signature headers for one request, signed now. */
export function signedHeaders(partnerId: string, secret: string, body: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return {
    'x-layover-partner': partnerId,
    'x-layover-timestamp': timestamp,
    'x-layover-signature': `v1=${signature}`,
  };
}

/** The dev chain's secret of a seeded demo partner: base64url(sha256('layover-dev-partner:' + id)). */
export function devPartnerSecret(id: string): string {
  return createHash('sha256').update(`layover-dev-partner:${id}`).digest('base64url');
}
