import type { Presence } from '@colyseus/core';
import type { PublicClient } from 'viem';
import type { StaffRoleName } from '../shared/protocol/staff-roles.ts';
import type { ResolvedSession } from './auth/sessions.ts';
import type { GateService } from './chain/gate-service.ts';
import type { NftIndexProgress } from './chain/indexer/nft-index.ts';
import type { OracleService } from './chain/oracle/service.ts';
import type { RelayService } from './chain/relay/service.ts';
import type { Config } from './config.ts';
import type { ContentRegistry } from './content/registry.ts';
import type { Ledger } from './db/open.ts';
import type { StaffSubject } from './live-events/staff.ts';
import type { MediaService } from './media/service.ts';
import type { LayoverMetrics } from './observability/metrics.ts';

/** One logging call: a message, or structured fields then a message (pino's shape, so pino's Logger fits). */
export interface LogFn {
  (fields: object, message?: string): void;
  (message: string): void;
}

/** What the server logs through; pino's Logger satisfies it, and a test passes a silent one. */
export interface AppLogger {
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  debug: LogFn;
  /** A logger whose every line carries `bindings` (a room, a member). */
  child(bindings: Record<string, unknown>): AppLogger;
}

/** The chain this process talks to. */
export interface ChainContext {
  chainId: number;
  contracts: Record<string, `0x${string}`>;
  rpcUrl: string;
  /** Reads the chain; verifies signatures of smart-contract accounts (ERC-1271, ERC-6492). */
  publicClient: PublicClient;
}

/** The member reads admission makes; the one place a bearer token becomes a member (at join, and re-checked later). */
export interface MemberDirectory {
  /** The member behind a live token, or undefined when unknown, expired or revoked. */
  resolveSession(token: string): Promise<ResolvedSession | undefined>;
  /** How many stamps a member holds (a status level may open a gated room). */
  stampCount(memberId: string): Promise<number>;
  /** Qualifying points per UTC calendar year (a status level may be held by points); absent in a fake: none. */
  qualifyingPoints?(memberId: string): Promise<Readonly<Record<number, number>>>;
  /**
   * Whether the session stored under this hash was not ended (signed out, its browser signed out, erased). An access
   * token that merely expired still counts: a connection admitted with it stays until its browser is signed out.
   */
  sessionLive(tokenHash: string): Promise<boolean>;
  /** The team roles of a member, from any of their wallet, email or brand-login principals ([] for none). */
  teamRoles(member: StaffSubject): Promise<StaffRoleName[]>;
}

/** Time as the server reads it; a test can hold it still. */
export interface Clock {
  now(): number;
}

/**
 * Everything rooms, routes and services of one process need, built once by `bootLayover` and handed down (rooms
 * through `define(name, Room, { ctx })`, routes and services through their arguments); nothing is looked up globally.
 */
export interface AppContext {
  readonly config: Config;
  readonly ledger: Ledger;
  readonly chain: ChainContext;
  /** Gate rules, ownership reads and holdings changes for the gated rooms. */
  readonly gates: GateService;
  readonly members: MemberDirectory;
  /** The prize oracle of this process; undefined until rooms are listening, so read it when needed, not at build. */
  readonly oracle: OracleService | undefined;
  /** Presence shared by every process of the deployment (local, or Redis): member channels, seat counts. */
  readonly presence: Presence;
  /** Published content (issue 20): read `content.current()` at use time; a publish swaps it in every process. */
  readonly content: ContentRegistry;
  readonly clock: Clock;
  readonly logger: AppLogger;
  /** This process's prom-client registry and its instruments, served at /metrics. */
  readonly metrics: LayoverMetrics;
  /** PRIZE_CUSTODY=custody: where guests' transferable prizes are minted meanwhile (lowercase), else undefined. */
  readonly custodyAddress: string | undefined;
  /** Gasless member actions' relayer (server/chain/relay); undefined until started, or without a relayer key. */
  readonly relay?: RelayService | undefined;
  /** Live media (issue 22, server/media): Janus rooms, tokens, moderation; undefined when MEDIA=off or no Janus. */
  readonly media?: MediaService | undefined;
  /** The NFT Transfer-log index's progress (segments on gates); undefined until started, or in a test's context. */
  readonly nftIndex?: NftIndexProgress | undefined;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };
