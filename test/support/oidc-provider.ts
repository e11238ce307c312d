import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider (node-oidc-provider) on 127.0.0.1 with an ephemeral port, standing in for the brand's login
 * in tests. Its login and consent screens are replaced by one tiny interaction handler that signs in the account the
 * test names (or cancels) without any UI, so `brandLogin` can walk the whole authorization code flow with fetch and
 * a cookie jar. Everything else (PKCE, codes, tokens, ID token signing, userinfo, discovery) is the real provider.
 */

export interface TestOidcClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface TestOidcAccount {
  sub: string;
  /** Further claims (name, member_id ...), released through userinfo for the profile scope. */
  claims?: Record<string, unknown>;
}

export interface RunningOidcProvider {
  /** The issuer identifier, `http://127.0.0.1:<port>`. */
  issuer: string;
  /**
   * Builds the provider with its clients and accounts. Until then every request answers 503, so the issuer can be
   * handed to a Layover before that Layover's port (its callback URL) is known.
   */
  configure(options: { clients: TestOidcClient[]; accounts: TestOidcAccount[] }): void;
  stop(): Promise<void>;
}

/** What the interaction handler reads from its URL: sign in as `login`, or cancel with `deny`. */
const LOGIN_PARAM = 'login';
const DENY_PARAM = 'deny';

export async function startOidcProvider(): Promise<RunningOidcProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => {
    if (handler) return handler(req, res);
    res.statusCode = 503;
    res.end('not configured yet');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    configure({ clients, accounts }) {
      const byId = new Map(accounts.map((account) => [account.sub, account]));
      const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
        format: 'jwk',
      });
      const provider = new Provider(issuer, {
        clients: clients.map((client) => ({
          client_id: client.clientId,
          client_secret: client.clientSecret,
          redirect_uris: client.redirectUris,
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        })),
        async findAccount(_ctx, id) {
          const account = byId.get(id);
          if (!account) return undefined;
          return { accountId: id, claims: async () => ({ ...account.claims, sub: id }) };
        },
        claims: { openid: ['sub'], profile: ['name', 'member_id'] },
        // The brand insists on PKCE for every client, confidential ones included.
        pkce: { required: () => true },
        features: { devInteractions: { enabled: false } },
        interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
        cookies: { keys: [randomBytes(32).toString('base64url')] },
        // Seconds; set explicitly so the provider does not warn about its defaults.
        ttl: {
          AuthorizationCode: 60,
          IdToken: 600,
          AccessToken: 600,
          Interaction: 600,
          Session: 3600,
          Grant: 3600,
        },
        jwks: { keys: [{ ...signingKey, alg: 'RS256', use: 'sig', kid: 'test-signing-key' }] },
      });
      const callback = provider.callback();
      handler = (req, res) => {
        const url = new URL(req.url ?? '/', issuer);
        if (url.pathname.startsWith('/interaction/')) {
          interact(provider, req, res, url).catch((error: unknown) => {
            res.statusCode = 500;
            res.end(String(error));
          });
          return;
        }
        callback(req, res);
      };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers the provider's login and consent prompts the way a member clicking through would. */
async function interact(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (url.searchParams.has(DENY_PARAM)) {
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'the member cancelled' },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  if (details.prompt.name === 'login') {
    const accountId = url.searchParams.get(LOGIN_PARAM);
    if (!accountId) throw new Error('brandLogin: no account given for the login prompt');
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  // Consent: grant what the client asked for.
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({
        accountId: details.session?.accountId,
        clientId: details.params.client_id as string,
      });
  if (!grant) throw new Error('brandLogin: the grant disappeared');
  const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

/**
 * Walks an authorization URL through the provider as a browser would (following redirects, keeping the provider's
 * cookies), signing in as `account` (or cancelling with `{ deny: true }`), and answers the URL the provider finally
 * redirects to: the client's redirect URI with `code`, `state` and `iss` (or `error`). Nothing is fetched there.
 */
export async function brandLogin(
  authorizationUrl: string | URL,
  as: { account: string } | { deny: true },
): Promise<URL> {
  const start = new URL(authorizationUrl);
  const jar = new Map<string, string>();
  let next = start;
  for (let hop = 0; hop < 20; hop++) {
    if (next.origin !== start.origin) return next;
    if (next.pathname.startsWith('/interaction/')) {
      if ('deny' in as) next.searchParams.set(DENY_PARAM, '1');
      else next.searchParams.set(LOGIN_PARAM, as.account);
    }
    const response = await fetch(next, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) keepCookie(jar, line);
    const location = response.headers.get('location');
    await response.arrayBuffer();
    if (response.status < 300 || response.status >= 400 || !location)
      throw new Error(`brandLogin: ${next.pathname} answered ${response.status} without a redirect`);
    next = new URL(location, next);
  }
  throw new Error('brandLogin: too many redirects');
}

/** Stores or forgets one Set-Cookie line (an expired or emptied cookie is forgotten). */
function keepCookie(jar: Map<string, string>, line: string): void {
  const [pair = '', ...attributes] = line.split(';');
  const eq = pair.indexOf('=');
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  const expired = attributes.some((attribute) => {
    const [key = '', val = ''] = attribute.trim().split('=');
    if (key.toLowerCase() === 'max-age') return Number(val) <= 0;
    if (key.toLowerCase() === 'expires') return Date.parse(val) <= Date.now();
    return false;
  });
  if (expired || value === '') jar.delete(name);
  else jar.set(name, value);
}
