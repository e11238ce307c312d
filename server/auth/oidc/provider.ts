import * as client from 'openid-client';
import { isLoopbackHttp, type OidcSettings } from './settings.ts';

/** How long a call to the brand's login server (discovery, token, userinfo, keys) may take. */
const OIDC_TIMEOUT_S = 10;

/**
 * The brand's login server as openid-client sees it: its discovered metadata (endpoints, keys, issuer) and this
 * lounge's client there (id, secret sent with HTTP Basic). Discovery runs once, at the first sign-in that needs it,
 * and is kept; a failed discovery is not kept, so the next sign-in tries again (the brand's server may be back).
 */
export class OidcProvider {
  private discovered: Promise<client.Configuration> | undefined;

  constructor(readonly settings: OidcSettings) {}

  /** The discovered configuration; rejects when the issuer cannot be reached or answers wrong metadata. */
  configuration(): Promise<client.Configuration> {
    if (!this.discovered) {
      const settings = this.settings;
      // Only a provider on this machine (dev, tests) may be reached over plain http; settings refuse any other.
      const execute = isLoopbackHttp(settings.issuer) ? [client.allowInsecureRequests] : [];
      this.discovered = client
        .discovery(
          new URL(settings.issuer),
          settings.clientId,
          undefined,
          client.ClientSecretBasic(settings.clientSecret),
          { execute, timeout: OIDC_TIMEOUT_S },
        )
        .catch((error: unknown) => {
          this.discovered = undefined;
          throw new OidcUnavailable('discovery failed', { cause: error });
        });
    }
    return this.discovered;
  }
}

/** The brand's login server could not be reached (or answered no usable metadata): try again later. */
export class OidcUnavailable extends Error {}
