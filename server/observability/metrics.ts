import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { OracleMetrics } from '../chain/oracle/metrics.ts';

/** Why a room ignored a member's message: a closed list, so the label stays bounded. */
export type DropReason =
  | 'muted'
  | 'chatRateLimited'
  | 'emoteRateLimited'
  | 'reactionRateLimited'
  | 'questionRateLimited'
  | 'reportRateLimited'
  | 'readyRateLimited'
  | 'inputRateLimited';

/** What a join came to: `joined`, or the refusal code the client saw (`unauthorized`, `gateClosed`, `full`, ...). */
export type JoinOutcome = 'joined' | (string & {});

export interface LayoverMetrics {
  readonly registry: Registry;
  /** The prize oracle's figures (layover_oracle_*). */
  readonly oracle: OracleMetrics;
  /** Open rooms in this process, by room name. */
  readonly rooms: Gauge<'room'>;
  /** Connected members in this process, by room name. */
  readonly members: Gauge<'room'>;
  readonly joins: Counter<'room' | 'outcome'>;
  readonly messageDrops: Counter<'room' | 'reason'>;
  /** On-chain holdings reads for quests' holdNft steps, by contract and whether the wallet held it (`yes`, `no`, `error`). */
  readonly questHoldingChecks: Counter<'contract' | 'held'>;
  /** Seconds per ledger query, by operation (select, insert, update, delete, transaction, other). */
  readonly ledgerLatency: Histogram<'operation'>;
  /** The registry in Prometheus text format (version 0.0.4), for GET /metrics. */
  render: () => Promise<string>;
  readonly contentType: string;
}

export interface MetricsOptions {
  /** Node's process metrics, nodejs_eventloop_lag_seconds included (default on; off keeps a unit test's output short). */
  processMetrics?: boolean;
  /** Labels on every series, e.g. `{ worker: '2' }` in a cluster worker. */
  labels?: Record<string, string>;
}

/**
 * One prom-client registry per running server (not the library's global one), so two servers in one test process
 * keep their own figures, and everything /metrics shows is registered in this one place.
 */
export function createMetrics(options: MetricsOptions = {}): LayoverMetrics {
  const registry = new Registry();
  if (options.labels) registry.setDefaultLabels(options.labels);
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const rooms = new Gauge({
    name: 'layover_rooms',
    help: 'Rooms open in this process, by room name.',
    labelNames: ['room'] as const,
    registers,
  });
  const members = new Gauge({
    name: 'layover_members',
    help: 'Members connected to rooms in this process, by room name.',
    labelNames: ['room'] as const,
    registers,
  });
  const joins = new Counter({
    name: 'layover_joins_total',
    help: 'Room joins by room name and outcome (joined, or the refusal code).',
    labelNames: ['room', 'outcome'] as const,
    registers,
  });
  const messageDrops = new Counter({
    name: 'layover_message_drops_total',
    help: 'Member messages a room ignored, by room name and reason.',
    labelNames: ['room', 'reason'] as const,
    registers,
  });
  const questHoldingChecks = new Counter({
    name: 'layover_quest_holding_checks_total',
    help: "On-chain holdings reads for quests' holdNft steps, by contract and outcome (yes, no, error).",
    labelNames: ['contract', 'held'] as const,
    registers,
  });
  const ledgerLatency = new Histogram({
    name: 'layover_ledger_query_seconds',
    help: 'Ledger (PGlite or PostgreSQL) query time, by operation.',
    labelNames: ['operation'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers,
  });
  return {
    registry,
    oracle: new OracleMetrics(registry),
    rooms,
    members,
    joins,
    messageDrops,
    questHoldingChecks,
    ledgerLatency,
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
