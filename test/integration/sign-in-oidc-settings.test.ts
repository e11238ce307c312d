import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OidcProvider, OidcUnavailable } from '../../server/auth/oidc/provider.ts';
import { OidcEnv, oidcSettingsFromEnv } from '../../server/auth/oidc/settings.ts';
import { type RunningOidcProvider, startOidcProvider } from '../support/oidc-provider.ts';

/**
 * The brand login's settings (OIDC_* variables) and its discovery: once, at first use, against a real provider; a
 * provider that cannot answer yet is `OidcUnavailable` and is asked again next time rather than remembered broken.
 */

const parse = (env: Record<string, string>) => OidcEnv.safeParse(env);

describe('brand login settings', () => {
  it('is off without OIDC_ISSUER, and takes the defaults for the button, scopes and member claim', () => {
    const off = parse({});
    expect(off.success && oidcSettingsFromEnv(off.data)).toBeUndefined();
    const on = parse({
      OIDC_ISSUER: 'https://login.skyway.example',
      OIDC_CLIENT_ID: 'layover',
      OIDC_CLIENT_SECRET: 'secret',
    });
    expect(on.success && oidcSettingsFromEnv(on.data)).toEqual({
      issuer: 'https://login.skyway.example',
      clientId: 'layover',
      clientSecret: 'secret',
      name: 'Brand account',
      scopes: 'openid profile',
      memberClaim: 'member_id',
    });
  });

  it('always asks for openid, and keeps a named button and claim', () => {
    const parsed = parse({
      OIDC_ISSUER: 'https://login.skyway.example',
      OIDC_CLIENT_ID: 'layover',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_NAME: 'Skyway Miles',
      OIDC_SCOPES: 'profile email',
      OIDC_MEMBER_CLAIM: 'skyway_number',
    });
    expect(parsed.success && oidcSettingsFromEnv(parsed.data)).toMatchObject({
      name: 'Skyway Miles',
      scopes: 'openid profile email',
      memberClaim: 'skyway_number',
    });
  });

  it('refuses half a configuration and a plain-http issuer other than this machine', () => {
    expect(parse({ OIDC_ISSUER: 'https://login.skyway.example' }).success).toBe(false);
    expect(parse({ OIDC_CLIENT_ID: 'layover', OIDC_CLIENT_SECRET: 'secret' }).success).toBe(false);
    const plain = { OIDC_CLIENT_ID: 'layover', OIDC_CLIENT_SECRET: 'secret' };
    expect(parse({ ...plain, OIDC_ISSUER: 'http://login.skyway.example' }).success).toBe(false);
    expect(parse({ ...plain, OIDC_ISSUER: 'http://127.0.0.1:4000' }).success).toBe(true);
    expect(parse({ ...plain, OIDC_ISSUER: 'not a url' }).success).toBe(false);
    expect(
      parse({ ...plain, OIDC_ISSUER: 'https://login.skyway.example', OIDC_SCOPES: 'openid "x"' }).success,
    ).toBe(false);
  });
});

describe('brand login discovery', () => {
  let brand: RunningOidcProvider;
  beforeAll(async () => {
    brand = await startOidcProvider();
  });
  afterAll(async () => {
    await brand?.stop();
  });

  it('is unavailable while the provider cannot answer, then discovered once and kept', async () => {
    const provider = new OidcProvider({
      issuer: brand.issuer,
      clientId: 'layover',
      clientSecret: 'layover-secret',
      name: 'Skyway Miles',
      scopes: 'openid profile',
      memberClaim: 'member_id',
    });
    // Not configured yet: the provider answers 503 to discovery.
    await expect(provider.configuration()).rejects.toBeInstanceOf(OidcUnavailable);
    brand.configure({
      clients: [
        { clientId: 'layover', clientSecret: 'layover-secret', redirectUris: ['http://127.0.0.1:1/cb'] },
      ],
      accounts: [],
    });
    const configuration = await provider.configuration();
    expect(configuration.serverMetadata().issuer).toBe(brand.issuer);
    expect(configuration.serverMetadata().code_challenge_methods_supported).toContain('S256');
    expect(await provider.configuration()).toBe(configuration);
  });
});
