import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export type DeliveryKind = 'stamp' | 'prize' | 'pass' | 'tier' | 'transfer';

/** The outbox's depth by status and the age of its oldest undelivered row, as `queueStats` reads them. */
export type QueueFigures = { depth: Record<string, number>; oldestMs: number };

/**
 * The oracle's figures, on the server's prom-client registry: sent (transactions), confirmed (delivered), failed
 * (by cause), queue depth and delivery latency. The queue is read from the ledger at scrape time, so every
 * process of a cluster reports the same shared outbox and only the leader's counters move.
 */
export class OracleMetrics {
  private readonly leaderGauge: Gauge;
  private readonly deliveredTotal: Counter<'kind'>;
  private readonly deliverySeconds: Histogram<'kind'>;
  private readonly transactions: Counter;
  private readonly replacements: Counter;
  private readonly failures: Counter<'cause'>;
  private readonly recent: number[] = [];
  private queue: (() => Promise<QueueFigures>) | undefined;

  constructor(registry: Registry) {
    const registers = [registry];
    const metrics = this;
    this.leaderGauge = new Gauge({
      name: 'layover_oracle_leader',
      help: '1 when this process is the minting oracle.',
      registers,
    });
    this.leaderGauge.set(0);
    const oldest = new Gauge({
      name: 'layover_oracle_oldest_pending_seconds',
      help: 'Age of the oldest outbox row queued or minting.',
      registers,
    });
    // Registered before `oldest` is collected: one ledger read per scrape fills both.
    new Gauge({
      name: 'layover_oracle_queue_depth',
      help: 'Outbox rows not yet delivered, by status.',
      labelNames: ['status'] as const,
      registers,
      async collect() {
        const figures = await metrics.queue?.().catch(() => undefined);
        if (!figures) return;
        for (const [status, n] of Object.entries(figures.depth)) this.set({ status }, n);
        oldest.set(figures.oldestMs / 1000);
      },
    });
    this.deliveredTotal = new Counter({
      name: 'layover_oracle_delivered_total',
      help: 'Stamps, prizes and custody transfers confirmed on chain by this process.',
      labelNames: ['kind'] as const,
      registers,
    });
    for (const kind of ['stamp', 'prize', 'transfer']) this.deliveredTotal.inc({ kind }, 0);
    this.deliverySeconds = new Histogram({
      name: 'layover_oracle_delivery_seconds',
      help: 'Time from an item being queued to its confirmation on chain, by kind.',
      labelNames: ['kind'] as const,
      buckets: [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800],
      registers,
    });
    new Gauge({
      name: 'layover_oracle_mints_per_minute',
      help: 'Items confirmed in the last 60 seconds.',
      registers,
      collect() {
        metrics.trim(Date.now());
        this.set(metrics.recent.length);
      },
    });
    this.transactions = new Counter({
      name: 'layover_oracle_transactions_total',
      help: 'Mint transactions signed and sent (replacements included).',
      registers,
    });
    this.replacements = new Counter({
      name: 'layover_oracle_replacements_total',
      help: 'Stuck transactions replaced with a higher fee.',
      registers,
    });
    this.failures = new Counter({
      name: 'layover_oracle_failures_total',
      help: 'Failures by cause (RPC errors, refused rows, reverted transactions, reorgs).',
      labelNames: ['cause'] as const,
      registers,
    });
  }

  /** Whether this process holds the oracle's leadership. */
  set leader(leading: boolean) {
    this.leaderGauge.set(leading ? 1 : 0);
  }

  /** Where the queue figures are read from at scrape time (the ledger's `queueStats`). */
  watchQueue(read: () => Promise<QueueFigures>): void {
    this.queue = read;
  }

  /** Rows confirmed on chain; their age since queueing goes to the latency histogram. */
  delivered(kind: DeliveryKind, rows: readonly { createdAt: Date }[], now = Date.now()): void {
    this.deliveredTotal.inc({ kind }, rows.length);
    for (const row of rows) {
      this.deliverySeconds.observe({ kind }, Math.max(0, now - row.createdAt.getTime()) / 1000);
      this.recent.push(now);
    }
    this.trim(now);
  }

  failed(cause: string, count = 1): void {
    this.failures.inc({ cause }, count);
  }

  /** A transaction was signed and sent; `replacement` when it replaced a stuck one. */
  sent(replacement = false): void {
    this.transactions.inc();
    if (replacement) this.replacements.inc();
  }

  /** Failures so far with this cause (tests and diagnostics read it; Prometheus reads /metrics). */
  async failureCount(cause: string): Promise<number> {
    const { values } = await this.failures.get();
    return values.find((value) => value.labels.cause === cause)?.value ?? 0;
  }

  /** Stuck transactions replaced so far. */
  async replacementCount(): Promise<number> {
    return (await this.replacements.get()).values[0]?.value ?? 0;
  }

  private trim(now: number): void {
    while (this.recent.length > 0 && (this.recent[0] ?? now) < now - 60_000) this.recent.shift();
  }
}
