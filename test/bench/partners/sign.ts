// The partner API's request signature, as a partner computes it (server/partners/signature.ts), signed now.
import { signatureHeaders } from '../../../server/partners/signature.ts';

export { devPartnerSecret } from '../../../server/partners/registry.ts';

/** The three signature headers for one request body, timestamped now. */
export function signedHeaders(partnerId: string, secret: string, body: string): Record<string, string> {
  return signatureHeaders(partnerId, secret, Math.floor(Date.now() / 1000), body);
}
