import { z } from 'zod';
import type { Config } from '../../config.ts';

/**
 * The brand's OpenID Connect login ("Sign in with <brand>"): which issuer, which client this lounge is there, what
 * the button says, which scopes to ask for and which claim carries the brand's member number. Off unless
 * OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set.
 */
export interface OidcSettings {
  /** The issuer identifier (discovery reads `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  /** Sent with HTTP Basic auth to the token endpoint (client_secret_basic). */
  clientSecret: string;
  /** The button's label and the credential's name in the member's list, e.g. "Skyway Miles". */
  name: string;
  /** Space-separated scopes; always includes `openid`. */
  scopes: string;
  /** The claim (ID token or userinfo) that carries the brand's member number, kept as the credential's external id. */
  memberClaim: string;
}

export const OIDC_DEFAULT_NAME = 'Brand account';
export const OIDC_DEFAULT_SCOPES = 'openid profile';
export const OIDC_DEFAULT_MEMBER_CLAIM = 'member_id';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True for an issuer this lounge may reach over plain http: one on this machine (a dev or test provider). */
export function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

const blankToUndefined = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

/**
 * The environment variables, in the shape the lead's config.ts takes them over (then `config.oidc` carries the
 * result of `oidcSettingsFromEnv`). An http issuer is accepted on loopback only: tokens never travel in clear text.
 */
export const OidcEnv = z
  .object({
    OIDC_ISSUER: blankToUndefined.pipe(z.url().optional()),
    OIDC_CLIENT_ID: blankToUndefined,
    OIDC_CLIENT_SECRET: blankToUndefined,
    OIDC_NAME: blankToUndefined.pipe(z.string().max(40).default(OIDC_DEFAULT_NAME)),
    OIDC_SCOPES: blankToUndefined.pipe(
      z
        .string()
        .regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'must be space-separated scopes')
        .default(OIDC_DEFAULT_SCOPES),
    ),
    OIDC_MEMBER_CLAIM: blankToUndefined.pipe(z.string().max(100).default(OIDC_DEFAULT_MEMBER_CLAIM)),
  })
  .superRefine((env, issues) => {
    const set = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (set !== 0 && set !== 3)
      issues.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together: set all three or none',
      });
    if (env.OIDC_ISSUER && URL.canParse(env.OIDC_ISSUER)) {
      const url = new URL(env.OIDC_ISSUER);
      if (url.protocol !== 'https:' && !isLoopbackHttp(env.OIDC_ISSUER))
        issues.addIssue({
          code: 'custom',
          path: ['OIDC_ISSUER'],
          message: 'must be an https URL (plain http only for a provider on this machine)',
        });
    }
  });

/** The settings from parsed variables; undefined when the brand login is off. */
export function oidcSettingsFromEnv(env: z.infer<typeof OidcEnv>): OidcSettings | undefined {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return undefined;
  const scopes = env.OIDC_SCOPES.split(' ');
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    name: env.OIDC_NAME,
    scopes: (scopes.includes('openid') ? scopes : ['openid', ...scopes]).join(' '),
    memberClaim: env.OIDC_MEMBER_CLAIM,
  };
}

/**
 * This process's brand login settings, or undefined when it is off. Reads `config.oidc` (set by loadConfig, or a
 * test's overrides); a config without that field (older callers) falls back to the process environment.
 */
export function oidcSettings(config: Config): OidcSettings | undefined {
  const fromConfig = config as Config & { oidc?: OidcSettings | undefined };
  if ('oidc' in fromConfig) return fromConfig.oidc;
  const parsed = OidcEnv.safeParse(process.env);
  return parsed.success ? oidcSettingsFromEnv(parsed.data) : undefined;
}
