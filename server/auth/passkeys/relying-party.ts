import { isIP } from 'node:net';

/**
 * The WebAuthn relying party this lounge is: its RP id (a domain; WebAuthn refuses IP addresses) and the origin the
 * browser must report. Both come from PUBLIC_URL. Without it the lounge is a local one, reached as
 * `http://localhost:<port>` on the port the request really arrived on (never a Host header, which clients choose),
 * the way Sign-In with Ethereum trusts only a loopback host.
 */
export interface RelyingParty {
  /** The RP id: PUBLIC_URL's host name without port, or `localhost`. */
  id: string;
  /** The exact origin the browser's clientDataJSON must name, e.g. `https://lounge.example` or `http://localhost:2567`. */
  origin: string;
  /** What the authenticator shows the member next to the passkey. */
  name: string;
}

/** The name passkeys are saved under in the member's password manager. */
export const RP_NAME = 'Layover Lounge';

/**
 * The relying party for a request that arrived on `localPort`, or undefined when PUBLIC_URL names an IP address
 * (passkeys are then unavailable: WebAuthn accepts only domain names as RP ids).
 */
export function relyingParty(
  publicUrl: string | undefined,
  localPort: number | undefined,
): RelyingParty | undefined {
  if (publicUrl) {
    const url = new URL(publicUrl);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) !== 0) return undefined;
    return { id: host, origin: url.origin, name: RP_NAME };
  }
  if (!localPort) return undefined;
  return { id: 'localhost', origin: `http://localhost:${localPort}`, name: RP_NAME };
}
