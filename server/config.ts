import { resolve } from 'node:path';
import { z } from 'zod';
import { OidcEnv, type OidcSettings, oidcSettingsFromEnv } from './auth/oidc/settings.ts';

const hexKey = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'must be a 0x-prefixed 32-byte hex private key');
const optionalUrl = z
  .string()
  .optional()
  .transform((value) => value?.trim())
  .transform((value) => (value === '' ? undefined : value))
  .pipe(z.url().optional());

/** Environment variables, every default the embedded one (local anvil, PGlite, one process). */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(2567),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: optionalUrl,
  PUBLIC_ADDRESS: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(
      z
        .string()
        .regex(
          /^[^\s/:]+(:\d{1,5})?(\/[\w.~-]+)*$/,
          'must be host[:port][/path] without scheme or trailing slash',
        )
        .optional(),
    ),
  RPC_URL: optionalUrl,
  ANVIL_PORT: z.coerce.number().int().min(0).max(65535).default(8545),
  DEPLOYER_KEY: hexKey.optional(),
  MINTER_KEY: hexKey.optional(),
  ADMIN_ADDRESS: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x-prefixed 20-byte address')
    .optional(),
  PARTNER_PASS_ADDRESS: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x-prefixed 20-byte address')
    .optional(),
  DATABASE_URL: optionalUrl,
  DATA_DIR: z.string().min(1).default('.data'),
  DEPLOYMENTS_DIR: z.string().min(1).default('deployments'),
  REDIS_URL: optionalUrl,
  LOUNGE_CAPACITY: z.coerce.number().int().min(1).max(2000).default(100),
  EVENT_HALL_CAPACITY: z.coerce.number().int().min(1).max(2000).default(150),
  HOST_ADDRESSES: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be comma-separated 0x addresses'))),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(24),
  TEST_WALLET: z.enum(['auto', 'on', 'off']).default('auto'),
  TEST_HOOKS: z.enum(['on', 'off']).default('off'),
  ORACLE: z.enum(['on', 'off']).default('on'),
  METRICS_TOKEN: z.string().min(16).optional(),
  PRIZE_CUSTODY: z.enum(['hold', 'custody']).default('hold'),
  CUSTODY_ADDRESS: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x-prefixed 20-byte address')
    .optional(),
  ORACLE_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(100),
  CONFIRMATIONS: z.coerce.number().int().min(1).max(64).default(1),
  ORACLE_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(200),
  ORACLE_STUCK_SECONDS: z.coerce.number().positive().max(3600).default(30),
  ORACLE_MAX_FEE_GWEI: z.coerce.number().positive().max(100_000).default(200),
  SMTP_URL: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: z.string().trim().min(3).max(200).default('Layover Lounge <lounge@localhost>'),
  WALLETCONNECT_PROJECT_ID: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be a WalletConnect project id')
        .optional(),
    ),
  PRIZE_REQUIRES: z.enum(['any', 'lasting', 'wallet']).default('lasting'),
  STAFF_EMAILS: z.string().default(''),
});

export type Config = {
  port: number;
  host: string;
  publicUrl: string | undefined;
  /** This process' websocket address (host:port[/path]) in seat reservations, when a proxy fronts several processes. */
  publicAddress: string | undefined;
  rpcUrl: string | undefined;
  /** Port of the anvil that boot starts when RPC_URL is unset; 0 picks a free one. */
  anvilPort: number;
  deployerKey: `0x${string}` | undefined;
  minterKey: `0x${string}` | undefined;
  /** Brand address given DEFAULT_ADMIN_ROLE on deploy; the deployer when unset. */
  adminAddress: `0x${string}` | undefined;
  /** The partner brand's ERC-721 that opens the `suite`; on the dev chain a stand-in is deployed when unset. */
  partnerPassAddress: `0x${string}` | undefined;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where deployments/<chainId>.json records live. */
  deploymentsDir: string;
  redisUrl: string | undefined;
  loungeCapacity: number;
  /** Members per event hall instance; a full hall opens an overflow instance of the same event. */
  eventHallCapacity: number;
  /** Wallets given the brand's host role at boot (the console, host controls). */
  hostAddresses: string[];
  sessionTtlMs: number;
  testWallet: 'auto' | 'on' | 'off';
  /** TEST_HOOKS=on: the pages carry a meta tag that lets the client install its test hooks (e2e tests only). */
  testHooks: boolean;
  oracle: OracleSettings;
  /** When set, /metrics asks for it as a bearer token. */
  metricsToken: string | undefined;
  /** Serve the client through Vite's dev middleware (hot reload) instead of dist/. */
  dev: boolean;
  /** SMTP_URL: where sign-in codes are sent; unset on a local dev chain: the embedded catcher and dev mailbox. */
  smtpUrl: string | undefined;
  /** MAIL_FROM: the From of every email. */
  mailFrom: string;
  /** The brand's OpenID login ("Sign in with <brand>"); undefined when OIDC_ISSUER is unset. */
  oidc: OidcSettings | undefined;
  /** RainbowKit's WalletConnect wallets are offered only when set (WALLETCONNECT_PROJECT_ID). */
  walletConnectProjectId: string | null;
  /** PRIZE_REQUIRES: the identity a member needs before a prize is minted for them. */
  prizes: { requires: 'any' | 'lasting' | 'wallet' };
  /** STAFF_EMAILS, raw: emails given a console role at boot (`a@x,b@y=admin`); parsed by live-events/staff.ts. */
  staffEmails: string;
};

/** How the prize oracle mints: batch size, confirmations before "delivered", polling, stuck-tx replacement, fee cap. */
export interface OracleSettings {
  /** Off: this process records prizes but never mints (another process or a later start will). */
  enabled: boolean;
  batchSize: number;
  confirmations: number;
  pollMs: number;
  stuckMs: number;
  maxFeePerGas: bigint;
  /**
   * Guests' transferable prizes: `hold` them unminted until a wallet is linked, or mint them to `custodyAddress` (the
   * oracle's own address when unset; another address must approve the oracle as ERC-1155 operator) and transfer on.
   */
  custody: 'hold' | 'custody';
  custodyAddress: `0x${string}` | undefined;
}

/** Parses the environment; a bad value stops boot with the variable's name and what is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Layover: invalid environment\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const oidcEnv = OidcEnv.safeParse(env);
  if (!oidcEnv.success) {
    const lines = oidcEnv.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Layover: invalid environment\n${lines.join('\n')}`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL,
    publicAddress: e.PUBLIC_ADDRESS,
    rpcUrl: e.RPC_URL,
    anvilPort: e.ANVIL_PORT,
    deployerKey: e.DEPLOYER_KEY as `0x${string}` | undefined,
    minterKey: e.MINTER_KEY as `0x${string}` | undefined,
    adminAddress: e.ADMIN_ADDRESS as `0x${string}` | undefined,
    partnerPassAddress: e.PARTNER_PASS_ADDRESS as `0x${string}` | undefined,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    deploymentsDir: resolve(e.DEPLOYMENTS_DIR),
    redisUrl: e.REDIS_URL,
    loungeCapacity: e.LOUNGE_CAPACITY,
    eventHallCapacity: e.EVENT_HALL_CAPACITY,
    hostAddresses: e.HOST_ADDRESSES.map((address) => address.toLowerCase()),
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    testWallet: e.TEST_WALLET,
    testHooks: e.TEST_HOOKS === 'on',
    oracle: {
      enabled: e.ORACLE === 'on',
      batchSize: e.ORACLE_BATCH_SIZE,
      confirmations: e.CONFIRMATIONS,
      pollMs: e.ORACLE_POLL_MS,
      stuckMs: e.ORACLE_STUCK_SECONDS * 1000,
      maxFeePerGas: BigInt(Math.round(e.ORACLE_MAX_FEE_GWEI * 1e9)),
      custody: e.PRIZE_CUSTODY,
      custodyAddress: e.CUSTODY_ADDRESS?.toLowerCase() as `0x${string}` | undefined,
    },
    metricsToken: e.METRICS_TOKEN,
    dev: false,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    oidc: oidcSettingsFromEnv(oidcEnv.data),
    walletConnectProjectId: e.WALLETCONNECT_PROJECT_ID ?? null,
    prizes: { requires: e.PRIZE_REQUIRES },
    staffEmails: e.STAFF_EMAILS,
    ...overrides,
  };
}
