import { resolve } from 'node:path';
import { z } from 'zod';
import { OidcEnv, type OidcSettings, oidcSettingsFromEnv } from './auth/oidc/settings.ts';
import { isAddressOrCidr } from './http/client-ip.ts';

const hexKey = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'must be a 0x-prefixed 32-byte hex private key');
const optionalUrl = z
  .string()
  .optional()
  .transform((value) => value?.trim())
  .transform((value) => (value === '' ? undefined : value))
  .pipe(z.url().optional());

/** A comma-separated list, items trimmed, empties dropped (an unset variable is an empty list). */
const commaList = z
  .string()
  .default('')
  .transform((list) =>
    list
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

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
  CHAIN_LOG_RANGE: z.coerce.number().int().min(1).max(1_000_000).default(1000),
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
  FORWARDER_ADDRESS: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x-prefixed 20-byte address')
    .optional(),
  REDEPLOY_CONTRACTS: z.enum(['0', '1']).default('0'),
  DATABASE_URL: optionalUrl,
  DATA_DIR: z.string().min(1).default('.data'),
  DEPLOYMENTS_DIR: z.string().min(1).default('deployments'),
  REDIS_URL: optionalUrl,
  LOUNGE_CAPACITY: z.coerce.number().int().min(1).max(2000).default(100),
  EVENT_HALL_CAPACITY: z.coerce.number().int().min(1).max(2000).default(150),
  SEAT_TTL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  HOST_ADDRESSES: commaList.pipe(
    z.array(z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be comma-separated 0x addresses')),
  ),
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
  /** Gasless member actions (issue 18, server/relay): relayer key, worker on/off, daily limit, re-auth window. */
  RELAYER_KEY: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/, 'must be a 0x-prefixed 32-byte private key')
    .optional(),
  RELAY: z.enum(['on', 'off']).default('on'),
  RELAY_DAILY_LIMIT: z.coerce.number().int().min(0).max(10_000).default(10),
  RELAY_REAUTH_MINUTES: z.coerce.number().positive().max(1440).default(10),
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
  PRIZES_PER_MEMBER_PER_DAY: z.coerce.number().int().min(1).max(1000).default(5),
  STAFF_EMAILS: z.string().default(''),
  // door (issue 17): whose X-Forwarded-For is believed, and the rooms one member or one address may hold at once.
  TRUST_PROXY: commaList.pipe(
    z.array(z.string().refine(isAddressOrCidr, 'must be comma-separated IP addresses or CIDR ranges')),
  ),
  MAX_ROOMS_PER_MEMBER: z.coerce.number().int().min(1).max(1000).default(3),
  MAX_ROOMS_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  // points (issue 19): partner activities taken one transaction each ('off') or group-committed ('on').
  PARTNER_INTAKE_BATCH: z
    .enum(['on', 'off', '1', '0'])
    .default('off')
    .transform((value) => value === 'on' || value === '1'),
  // headers (issue 17): CORS allow-list, the metrics listener, the test wallet's chain, the media server's origin.
  CORS_ORIGINS: commaList.pipe(
    z.array(z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin)),
  ),
  METRICS_PORT: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(z.coerce.number<string | undefined>().int().min(0).max(65535).optional()),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  CHAIN_STARTED_BY_LAYOVER: z.enum(['0', '1']).default('0'),
  MEDIA: z.enum(['auto', 'on', 'off']).default('auto'),
  JANUS_BIN: z.string().min(1).default('/usr/bin/janus'),
  JANUS_WS_URL: optionalUrl,
  JANUS_TOKEN_SECRET: z.string().min(16).optional(),
  JANUS_ADMIN_KEY: z.string().min(16).optional(),
  MEDIA_TOKEN_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
  MEDIA_URL: optionalUrl,
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
  /** CHAIN_LOG_RANGE: most blocks one getLogs asks the node for (public RPCs refuse ranges over 1k-10k blocks). */
  chainLogRange: number;
  deployerKey: `0x${string}` | undefined;
  minterKey: `0x${string}` | undefined;
  /** Gasless member actions (server/relay): RELAYER_KEY (anvil account 5 on the dev chain), RELAY, limits. */
  relay: { relayerKey: `0x${string}` | undefined; enabled: boolean; dailyLimit: number; reauthMs: number };
  /** Brand address given DEFAULT_ADMIN_ROLE on deploy; the deployer when unset. */
  adminAddress: `0x${string}` | undefined;
  /** The partner brand's ERC-721 that opens the `suite`; on the dev chain a stand-in is deployed when unset. */
  partnerPassAddress: `0x${string}` | undefined;
  /** FORWARDER_ADDRESS: an ERC-2771 forwarder already on the chain; deploy.ts deploys LayoverForwarder when unset. */
  forwarderAddress: `0x${string}` | undefined;
  /** REDEPLOY_CONTRACTS=1: off the dev chain, allow replacing recorded contracts whose code or roles changed. */
  redeployContracts: boolean;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where deployments/<chainId>.json records live. */
  deploymentsDir: string;
  redisUrl: string | undefined;
  loungeCapacity: number;
  /** Members per event hall instance; a full hall opens an overflow instance of the same event. */
  eventHallCapacity: number;
  /** A gated room's seat lives this long unless its process refreshes it (a crashed process frees its passes). */
  seatTtlSeconds: number;
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
  /** PRIZE_REQUIRES, and PRIZES_PER_MEMBER_PER_DAY: prizes one member may win per UTC day (drops included). */
  prizes: { requires: 'any' | 'lasting' | 'wallet'; perMemberPerDay: number };
  /** STAFF_EMAILS, raw: emails given a team role at boot (`a@x,b@y=owner`; the old `=admin` is owner); parsed by live-events/staff.ts. */
  staffEmails: string;
  /** TRUST_PROXY: proxies (addresses, CIDRs) whose X-Forwarded-For names the client; none by default. */
  trustProxy: string[];
  /** MAX_ROOMS_PER_MEMBER / MAX_ROOMS_PER_IP: rooms held at once (seated or reserved), across processes. */
  roomCaps: { perMember: number; perIp: number };
  /** PARTNER_INTAKE_BATCH: partner activities group-committed, up to 64 a transaction (see BENCHMARKS.md). */
  partnerIntakeBatch: boolean;
  /** CORS_ORIGINS: origins besides PUBLIC_URL's (and the local URL) that may call the API with credentials. */
  corsOrigins: string[];
  /** METRICS_PORT: the loopback listener that serves /metrics without a token; undefined: none (0: a free port). */
  metricsPort: number | undefined;
  /** METRICS_HOST: where that listener binds (127.0.0.1 by default). */
  metricsHost: string;
  /** CHAIN_STARTED_BY_LAYOVER=1: RPC_URL is an anvil that `npm run start:cluster` started (the test wallet may run). */
  chainStartedByLayover: boolean;
  /** MEDIA_URL: the media server the pages may connect to (the CSP allows its origin). */
  mediaUrl: string | undefined;
  /**
   * Live media (issue 22): MEDIA auto (on when JANUS_BIN exists) | on | off; JANUS_WS_URL uses an external Janus
   * (with JANUS_TOKEN_SECRET = its token_auth_secret and JANUS_ADMIN_KEY = its videoroom admin_key) instead of
   * spawning one; media tokens live MEDIA_TOKEN_SECONDS.
   */
  media: {
    mode: 'auto' | 'on' | 'off';
    janusBin: string;
    janusWsUrl: string | undefined;
    tokenSecret: string | undefined;
    adminKey: string | undefined;
    tokenSeconds: number;
  };
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
    chainLogRange: e.CHAIN_LOG_RANGE,
    deployerKey: e.DEPLOYER_KEY as `0x${string}` | undefined,
    minterKey: e.MINTER_KEY as `0x${string}` | undefined,
    relay: {
      relayerKey: e.RELAYER_KEY as `0x${string}` | undefined,
      enabled: e.RELAY === 'on',
      dailyLimit: e.RELAY_DAILY_LIMIT,
      reauthMs: e.RELAY_REAUTH_MINUTES * 60_000,
    },
    adminAddress: e.ADMIN_ADDRESS as `0x${string}` | undefined,
    partnerPassAddress: e.PARTNER_PASS_ADDRESS as `0x${string}` | undefined,
    forwarderAddress: e.FORWARDER_ADDRESS as `0x${string}` | undefined,
    redeployContracts: e.REDEPLOY_CONTRACTS === '1',
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    deploymentsDir: resolve(e.DEPLOYMENTS_DIR),
    redisUrl: e.REDIS_URL,
    loungeCapacity: e.LOUNGE_CAPACITY,
    eventHallCapacity: e.EVENT_HALL_CAPACITY,
    seatTtlSeconds: e.SEAT_TTL_SECONDS,
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
    prizes: { requires: e.PRIZE_REQUIRES, perMemberPerDay: e.PRIZES_PER_MEMBER_PER_DAY },
    staffEmails: e.STAFF_EMAILS,
    trustProxy: e.TRUST_PROXY,
    roomCaps: { perMember: e.MAX_ROOMS_PER_MEMBER, perIp: e.MAX_ROOMS_PER_IP },
    partnerIntakeBatch: e.PARTNER_INTAKE_BATCH,
    corsOrigins: e.CORS_ORIGINS,
    metricsPort: e.METRICS_PORT,
    metricsHost: e.METRICS_HOST,
    chainStartedByLayover: e.CHAIN_STARTED_BY_LAYOVER === '1',
    mediaUrl: e.MEDIA_URL,
    media: {
      mode: e.MEDIA,
      janusBin: e.JANUS_BIN,
      janusWsUrl: e.JANUS_WS_URL,
      tokenSecret: e.JANUS_TOKEN_SECRET,
      adminKey: e.JANUS_ADMIN_KEY,
      tokenSeconds: e.MEDIA_TOKEN_SECONDS,
    },
    ...overrides,
  };
}
