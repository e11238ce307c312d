import { mkdir } from 'node:fs/promises';
import './node-websocket.ts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { LocalPresence, matchMaker, type Presence, Server } from '@colyseus/core';
import { Encoder } from '@colyseus/schema';
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { RequestHandler } from 'express';
import { privateKeyToAccount } from 'viem/accounts';
import { deployContracts } from '../contracts/deploy.ts';
import { EVENT_ROOM, RoomName } from '../shared/rooms.ts';
import { ledgerMemberDirectory } from './auth/member-directory.ts';
import { startCampaignMail } from './campaigns/notice-mail.ts';
import { ANVIL_ACCOUNTS, startAnvil } from './chain/anvil.ts';
import { startGateService } from './chain/gate-service.ts';
import { followPublishedGates } from './chain/indexer/gate-contracts.ts';
import { type NftIndex, startNftIndex } from './chain/indexer/nft-index.ts';
import { takeOracleLeadership } from './chain/oracle/leader.ts';
import type { OracleService } from './chain/oracle/service.ts';
import { startOracleService } from './chain/oracle/service.ts';
import { ensureDevPartnerPass } from './chain/partner-pass.ts';
import { grantDevPassMinter, syncPrizeCatalogue } from './chain/prize-catalogue.ts';
import { connectChain } from './chain/public-client.ts';
import { type RelayService, startRelayService } from './chain/relay/service.ts';
import { syncMetadataUris } from './chain/uri-sync.ts';
import type { Config } from './config.ts';
import { applyGateRules } from './content/gate-rules.ts';
import { openContentRegistry } from './content/registry.ts';
import { tellRoomsContentChanged } from './content/room-notice.ts';
import type { AppContext, AppLogger } from './context.ts';
import { systemClock } from './context.ts';
import { ADVISORY_LOCKS } from './db/advisory-locks.ts';
import { openLedger } from './db/open.ts';
import { mountHttp } from './http/app.ts';
import { corsAllowList, installCorsPolicy } from './http/cors.ts';
import { openFrontDoor } from './http/front-door.ts';
import { startMetricsListener } from './http/metrics-routes.ts';
import { testHooksVitePlugin } from './http/pages.ts';
import { seedStaff } from './live-events/staff.ts';
import { startMail } from './mail/mailer.ts';
import { startMedia } from './media/start.ts';
import { proxyMediaWebSocket } from './media/ws-proxy.ts';
import { metadataOrigin } from './metadata/uris.ts';
import { colyseusLogger } from './observability/colyseus-logger.ts';
import { sampleDroppedMessages } from './observability/dropped-messages.ts';
import { createLogger } from './observability/logger.ts';
import { createMetrics, type LayoverMetrics } from './observability/metrics.ts';
import { roomContext } from './observability/room-context.ts';
import { observeRooms } from './observability/room-metrics.ts';
import { startPartnerServices } from './partners/service.ts';
import { startPassService } from './passes/service.ts';
import { startPerkServices } from './perks/service.ts';
import { startPointsJobs } from './points/jobs.ts';
import { startPrizeHoldService } from './prizes/hold-service.ts';
import { defineGameRooms } from './rooms/games/define.ts';
import { GatedLoungeRoom } from './rooms/gated-lounge-room.ts';
import { LiveEventRoom } from './rooms/live-events/live-event-room.ts';
import { LoungeRoom } from './rooms/lounge-room.ts';

/** The PostgreSQL advisory lock key of the prize indexer (one per cluster, like the oracle's). */
const PRIZE_INDEXER_LOCK = ADVISORY_LOCKS.prizeIndexer;
/** The advisory lock key of the NFT Transfer-log index (segments on any gate's NFT). */
const NFT_INDEX_LOCK = ADVISORY_LOCKS.nftIndex;

/** Listen addresses that mean "this machine": the lounge's local URL names them `localhost`. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '0.0.0.0', '::1', '::', 'localhost']);

const ROOT = join(import.meta.dirname, '..');

// A full lounge (hundreds of members, names and ids) encodes past the schema's 8 KiB default on a join.
Encoder.BUFFER_SIZE = 128 * 1024;

/** On the dev chain, anvil's well-known account 0 deploys and administers; a different one is the minter. */
const ANVIL_DEPLOYER_KEY = ANVIL_ACCOUNTS.deployer.privateKey;
const ANVIL_MINTER_KEY = ANVIL_ACCOUNTS.oracle.privateKey;

export interface RunningLayover {
  url: string;
  port: number;
  rpcUrl: string;
  chainId: number;
  contracts: Record<string, `0x${string}`>;
  /** The context the rooms and routes of this process were built with (tests read the ledger and gates here). */
  ctx: AppContext;
  /** The METRICS_PORT listener's URL (GET /metrics without a token); undefined when METRICS_PORT is unset. */
  metricsUrl: string | undefined;
  stop: () => Promise<void>;
}

export interface BootOptions {
  /** Where the boot steps are printed (stdout by default; tests pass a silent one). */
  log?: (line: string) => void;
  /** The process logger; pino (LOG_LEVEL, LOG_FORMAT) by default. */
  logger?: AppLogger;
  /** This process's metrics; a fresh registry by default. */
  metrics?: LayoverMetrics;
}

/** Boots chain -> contracts -> ledger -> rooms -> http, printing each step; `stop()` undoes all of it. */
export async function startLayover(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<RunningLayover> {
  return bootLayover(config, { log });
}

/** The one boot of a Layover process: builds the AppContext and hands it to rooms, routes and services. */
export async function bootLayover(config: Config, options: BootOptions = {}): Promise<RunningLayover> {
  const log = options.log ?? console.log;
  const logger: AppLogger = options.logger ?? createLogger();
  const metrics = options.metrics ?? createMetrics();
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((err) => logger.error({ err }, 'shutdown step failed'));
    }
  };
  try {
    let rpcUrl = config.rpcUrl;
    const localChain = !rpcUrl;
    if (!rpcUrl) {
      log('[1/5] chain: starting anvil on 127.0.0.1 ...');
      await mkdir(config.dataDir, { recursive: true });
      const anvil = await startAnvil({
        port: config.anvilPort,
        statePath: join(config.dataDir, 'anvil-state.json'),
      });
      cleanups.push(anvil.stop);
      rpcUrl = anvil.rpcUrl;
      log(`[1/5] chain: anvil ready at ${rpcUrl} (chain ${anvil.chainId})`);
    } else {
      log(`[1/5] chain: using RPC_URL ${rpcUrl}`);
    }
    const { chainId, publicClient } = await connectChain(rpcUrl);

    const deployerKey =
      config.deployerKey ?? (localChain || chainId === 31337 ? ANVIL_DEPLOYER_KEY : undefined);
    if (!deployerKey)
      throw new Error('Layover: DEPLOYER_KEY is required on a chain other than the local dev chain');
    const minterKey = config.minterKey ?? (localChain || chainId === 31337 ? ANVIL_MINTER_KEY : deployerKey);
    log('[2/5] contracts: compiling and deploying (reused when deployments/<chainId>.json matches) ...');
    const deployment = await deployContracts({
      rpcUrl,
      deployerKey,
      deploymentsDir: config.deploymentsDir,
      ...(config.adminAddress ? { adminAddress: config.adminAddress } : {}),
      ...(config.forwarderAddress ? { forwarderAddress: config.forwarderAddress } : {}),
      redeploy: config.redeployContracts,
      minterAddress: privateKeyToAccount(minterKey).address,
      baseUri: `${config.publicUrl ?? `http://${LOOPBACK_HOSTS.has(config.host) ? 'localhost' : config.host}:${config.port}`}/metadata/pass/`,
      log: (line: string) => log(`      ${line}`),
    });
    const contracts: Record<string, `0x${string}`> = { ...deployment.contracts };
    const partnerPass =
      config.partnerPassAddress ??
      (localChain || chainId === 31337 ? await ensureDevPartnerPass(publicClient, rpcUrl) : undefined);
    if (partnerPass) contracts.PartnerPass = partnerPass;
    if (localChain || chainId === 31337)
      await grantDevPassMinter({
        client: publicClient,
        rpcUrl,
        pass: deployment.contracts.LoungePass,
        adminKey: deployerKey,
        faucet: ANVIL_ACCOUNTS.faucet.address,
      });
    log(`[2/5] contracts: LoungePass at ${contracts.LoungePass}, PartnerPass at ${partnerPass ?? '(unset)'}`);
    const gates = await startGateService({
      client: publicClient,
      rpcUrl,
      contracts,
      logRange: BigInt(config.chainLogRange),
      log: (line: string) => log(`      ${line}`),
    });
    cleanups.push(async () => gates.stop());

    log(
      `[3/5] ledger: opening ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`} ...`,
    );
    const ledger = await openLedger({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      latency: metrics.ledgerLatency,
      logger,
    });
    const { custody, custodyAddress } = config.oracle;
    cleanups.push(ledger.close);
    await seedStaff(ledger.db, { hostAddresses: config.hostAddresses, staffEmails: config.staffEmails });
    log(`[3/5] ledger: ${ledger.kind} ready`);
    const scale = config.redisUrl ? await redisScaleOut(config.redisUrl) : { presence: new LocalPresence() };
    let oracle: OracleService | undefined;
    let relay: RelayService | undefined;
    let nftIndex: NftIndex | undefined;
    const media = await startMedia(config, logger, scale.presence);
    if (media) cleanups.push(media.stop);
    // Issue 20: published content, seeded from shared/content; every process swaps on a publish's notice.
    const content = await openContentRegistry({ db: ledger.db, presence: scale.presence, logger });
    cleanups.push(content.stop);
    applyGateRules(gates, content.current());
    const stopGateRules = content.onSwap((snapshot) => applyGateRules(gates, snapshot));
    cleanups.push(async () => stopGateRules());
    // The published catalogue (not the seed) is what must be on chain; a prize the admin has not added waits.
    await syncPrizeCatalogue({
      admin: {
        client: publicClient,
        rpcUrl,
        prizes: deployment.contracts.Prizes,
        chainId,
        adminKey: deployerKey,
      },
      prizes: content.current().bundle.prizes,
      log: (line: string) => log(`      ${line}`),
    });
    const ctx: AppContext = {
      config,
      ledger,
      chain: { chainId, contracts, rpcUrl, publicClient },
      gates,
      members: ledgerMemberDirectory(ledger.db),
      get oracle() {
        return oracle;
      },
      get relay() {
        return relay;
      },
      get nftIndex() {
        return nftIndex;
      },
      media: media?.service,
      presence: scale.presence,
      content,
      clock: systemClock,
      logger,
      metrics,
      custodyAddress:
        custody === 'custody'
          ? (custodyAddress ?? privateKeyToAccount(minterKey).address).toLowerCase()
          : undefined,
    };

    // The dev catcher (no SMTP_URL) only on a chain this process started: its mailbox shows every sign-in code.
    const mail = await startMail({
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      devCatcher: localChain,
      logger,
    });
    cleanups.push(mail.close);

    const mode = config.redisUrl ? 'Redis presence and driver (REDIS_URL)' : 'single process';
    const reachedAt = config.publicAddress ? `, websockets via ${config.publicAddress}` : '';
    log(`[4/5] rooms: ${mode}${reachedAt} ...`);
    // auto: only on an anvil this process started, or one `npm run start:cluster` started and handed over.
    const chainOfLayover = localChain || (config.chainStartedByLayover && chainId === 31337);
    const testWalletEnabled = config.testWallet === 'on' || (config.testWallet === 'auto' && chainOfLayover);
    const viteMiddleware = config.dev ? await startViteMiddleware(cleanups, config.testHooks) : undefined;
    const httpServer = createServer();
    installCorsPolicy(corsAllowList(config, () => (httpServer.address() as AddressInfo | null)?.port));
    const gameServer = new Server({
      transport: new WebSocketTransport({ server: httpServer }),
      greet: false,
      logger: colyseusLogger(logger),
      gracefullyShutdown: false,
      ...scale,
      ...(config.publicAddress ? { publicAddress: config.publicAddress } : {}),
      express: (app) =>
        mountHttp(app, ctx, {
          clientDir: join(ROOT, 'dist/client'),
          testWalletRpcUrl: testWalletEnabled ? rpcUrl : undefined,
          publicUrl: config.publicUrl,
          mail,
          ...(viteMiddleware ? { viteMiddleware } : {}),
        }),
    });
    gameServer.define(RoomName.lounge, LoungeRoom, {
      ctx: roomContext(ctx, RoomName.lounge),
      capacity: config.loungeCapacity,
    });
    gameServer.define(RoomName.vip, GatedLoungeRoom, {
      ctx: roomContext(ctx, RoomName.vip),
      capacity: config.loungeCapacity,
      gate: RoomName.vip,
    });
    gameServer.define(RoomName.suite, GatedLoungeRoom, {
      ctx: roomContext(ctx, RoomName.suite),
      capacity: config.loungeCapacity,
      gate: RoomName.suite,
    });
    gameServer
      .define(EVENT_ROOM, LiveEventRoom, {
        ctx: roomContext(ctx, EVENT_ROOM),
        capacity: config.eventHallCapacity,
      })
      .filterBy(['eventId']);
    defineGameRooms(gameServer, ctx);
    const stopContentNotices = content.onSwap((snapshot) => {
      tellRoomsContentChanged(snapshot).catch((err) => logger.error({ err }, 'content: rooms not told'));
    });
    cleanups.push(async () => stopContentNotices());
    const stopObservingRooms = observeRooms(metrics, matchMaker.getAllHandlers());
    const stopSamplingDrops = sampleDroppedMessages(logger, matchMaker.getAllHandlers());
    cleanups.push(async () => stopSamplingDrops());
    cleanups.push(async () => stopObservingRooms());
    await gameServer.listen(config.port, config.host);
    cleanups.push(() => gameServer.gracefullyShutdown(false));
    // After listen: Colyseus binds its router there, and the front door goes in front of it (issue 17, door).
    cleanups.push(openFrontDoor(httpServer, ctx));
    // Issue 22: /media/ws goes to Janus; every other upgrade to the front door and Colyseus as before.
    if (media) {
      const unproxy = proxyMediaWebSocket(httpServer, () => media.upstream);
      cleanups.push(async () => unproxy());
    }
    const metricsListener =
      config.metricsPort === undefined
        ? undefined
        : await startMetricsListener(metrics, { host: config.metricsHost, port: config.metricsPort });
    if (metricsListener) {
      cleanups.push(metricsListener.close);
      log(`[4/5] metrics: GET ${metricsListener.url}/metrics`);
    }
    const started = startOracleService({
      ledger,
      presence: ctx.presence,
      databaseUrl: config.databaseUrl,
      client: publicClient,
      minterKey,
      contracts: deployment.contracts,
      content: () => content.current(),
      refreshContent: () => content.refresh(),
      settings: config.oracle,
      metrics: metrics.oracle,
      logger,
    });
    cleanups.push(started.stop);
    oracle = started;
    // Gasless member actions (issue 18): the relayer pays gas from its own key (anvil account 5 on the dev chain).
    const relayerKey =
      config.relay.relayerKey ?? (chainId === 31337 ? ANVIL_ACCOUNTS.relayer.privateKey : undefined);
    if (relayerKey && contracts.Forwarder) {
      relay = startRelayService(ctx, { relayerKey, custodyKey: minterKey });
      cleanups.push(relay.stop);
    }
    // Issue 18: PrizeRedeemed on chain -> the member's perks (indexer), and perks past their expiry marked expired.
    cleanups.push(
      startPerkServices(ctx, {
        client: publicClient,
        prizes: deployment.contracts.Prizes,
        fromBlock: BigInt(deployment.blockNumber),
        // One indexer per cluster, under its own advisory lock (the oracle holds another).
        leadership: () => takeOracleLeadership(config.databaseUrl, 2_000, PRIZE_INDEXER_LOCK),
      }),
    );
    // Issue 20: the Transfer-log index of every contract a published gate names, which segments count holders from.
    const index = startNftIndex(ctx, {
      client: publicClient,
      ...(config.testHooks ? { pollMs: 500 } : {}),
      leadership: () => takeOracleLeadership(config.databaseUrl, 2_000, NFT_INDEX_LOCK),
    });
    nftIndex = index;
    const stopFollowing = followPublishedGates(index, content, contracts);
    cleanups.push(async () => stopFollowing(), index.stop);
    // Prizes held for members without the identity PRIZE_REQUIRES asks: released when they keep their account,
    // back to the prize's supply after 7 days otherwise.
    const stopPrizeHolds = startPrizeHoldService(ctx);
    cleanups.push(async () => stopPrizeHolds());
    cleanups.push(await startPartnerServices(ctx)); // dev partners, activity matching, webhooks, 90-day drops
    cleanups.push(startPointsJobs(ctx)); // points expiry hourly, refunds of failed prize purchases every 5 s
    cleanups.push(startPassService(ctx, config.testHooks ? { intervalMs: 250 } : {})); // LoungePasses by pass rules
    const { port } = httpServer.address() as AddressInfo;
    // Issue 18: the on-chain metadata URIs follow PUBLIC_URL or the real port (PORT=0), set by the admin once listening.
    await syncMetadataUris({
      client: publicClient,
      rpcUrl,
      contracts: deployment.contracts,
      adminKey: deployerKey,
      origin: metadataOrigin(config, port),
      log: (line: string) => log(`      ${line}`),
    }).catch((err) => logger.error({ err }, 'uri-sync: on-chain metadata URIs not updated'));
    // Locally the lounge is http://localhost:PORT: WebAuthn refuses IP addresses as relying party ids (passkeys).
    const url =
      config.publicUrl ?? `http://${LOOPBACK_HOSTS.has(config.host) ? 'localhost' : config.host}:${port}`;
    // Campaign notices' emails (members with an email and marketing consent), batched.
    cleanups.push(startCampaignMail(ctx, mail, url, config.testHooks ? 250 : 2_000));
    log(`[5/5] http: lounge, API and websocket on ${url}`);
    return { url, port, rpcUrl, chainId, contracts, ctx, metricsUrl: metricsListener?.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function redisScaleOut(redisUrl: string): Promise<{ presence: Presence; driver: never }> {
  const { RedisPresence } = await import('@colyseus/redis-presence');
  const { RedisDriver } = await import('@colyseus/redis-driver');
  return { presence: new RedisPresence(redisUrl), driver: new RedisDriver(redisUrl) as never };
}

async function startViteMiddleware(
  cleanups: (() => Promise<void>)[],
  testHooks: boolean,
): Promise<RequestHandler> {
  const { createServer: createViteServer } = await import('vite');
  const vite = await createViteServer({
    configFile: join(ROOT, 'vite.config.ts'),
    server: { middlewareMode: true },
    appType: 'spa',
    plugins: [testHooksVitePlugin(testHooks)],
  });
  cleanups.push(() => vite.close());
  return vite.middlewares as unknown as RequestHandler;
}
