import { signatureHeaders } from '../../server/partners/signature.ts';

export { devPartnerSecret } from '../../server/partners/registry.ts';

/** One signed partner API call: who signs, what, and (to test staleness) when. */
export interface PartnerCall {
  partnerId: string;
  secret: string;
  method?: 'GET' | 'POST';
  /** The path under the server, e.g. `/api/partners/v1/activities`. */
  path: string;
  /** An object is sent as JSON; a string as it is (the bytes signed are the bytes sent). */
  body?: unknown;
  idempotencyKey?: string;
  /** Unix seconds to sign with; now by default. */
  timestamp?: number;
  /** Extra or replacing headers, lower-case names (a tampered signature, another partner id). */
  headers?: Record<string, string>;
}

/** A partner API answer: status, headers and the parsed JSON body. */
export interface PartnerAnswer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
  body: any;
}

/** Calls the partner API as a partner would: body signed with HMAC-SHA256 over "<timestamp>.<raw body>". */
export async function partnerFetch(url: string, call: PartnerCall): Promise<PartnerAnswer> {
  const method = call.method ?? (call.body === undefined ? 'GET' : 'POST');
  const raw =
    call.body === undefined ? '' : typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
  const timestamp = call.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    ...Object.fromEntries(
      Object.entries(signatureHeaders(call.partnerId, call.secret, timestamp, raw)).map(([name, value]) => [
        name.toLowerCase(),
        value,
      ]),
    ),
    ...(raw ? { 'content-type': 'application/json' } : {}),
    ...(call.idempotencyKey !== undefined ? { 'idempotency-key': call.idempotencyKey } : {}),
    ...call.headers,
  };
  const response = await fetch(new URL(call.path, url), {
    method,
    headers,
    ...(method === 'GET' ? {} : { body: raw }),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = { raw: text };
  }
  return { status: response.status, headers: response.headers, body };
}
