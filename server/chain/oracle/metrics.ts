/** Counters the oracle keeps in this process, rendered with the ledger's queue figures for /metrics. */
export class OracleMetrics {
  leader = false;
  readonly minted = { stamp: 0, prize: 0, transfer: 0 };
  readonly failures = new Map<string, number>();
  transactions = 0;
  replacements = 0;
  private readonly recent: number[] = [];

  delivered(kind: 'stamp' | 'prize' | 'transfer', count: number, now = Date.now()): void {
    this.minted[kind] += count;
    for (let i = 0; i < count; i++) this.recent.push(now);
    this.trim(now);
  }

  failed(cause: string, count = 1): void {
    this.failures.set(cause, (this.failures.get(cause) ?? 0) + count);
  }

  /** Items delivered in the last 60 s. */
  perMinute(now = Date.now()): number {
    this.trim(now);
    return this.recent.length;
  }

  /** Prometheus text exposition (version 0.0.4). */
  render(queue: { depth: Record<string, number>; oldestMs: number }, now = Date.now()): string {
    const lines = [
      '# HELP layover_oracle_leader 1 when this process is the minting oracle.',
      '# TYPE layover_oracle_leader gauge',
      `layover_oracle_leader ${this.leader ? 1 : 0}`,
      '# HELP layover_oracle_queue_depth Outbox rows not yet delivered, by status.',
      '# TYPE layover_oracle_queue_depth gauge',
      ...Object.entries(queue.depth).map(
        ([status, n]) => `layover_oracle_queue_depth{status="${status}"} ${n}`,
      ),
      '# HELP layover_oracle_oldest_pending_seconds Age of the oldest row queued or minting.',
      '# TYPE layover_oracle_oldest_pending_seconds gauge',
      `layover_oracle_oldest_pending_seconds ${(queue.oldestMs / 1000).toFixed(3)}`,
      '# HELP layover_oracle_delivered_total Stamps, prizes and custody transfers confirmed on chain by this process.',
      '# TYPE layover_oracle_delivered_total counter',
      `layover_oracle_delivered_total{kind="stamp"} ${this.minted.stamp}`,
      `layover_oracle_delivered_total{kind="prize"} ${this.minted.prize}`,
      `layover_oracle_delivered_total{kind="transfer"} ${this.minted.transfer}`,
      '# HELP layover_oracle_mints_per_minute Items confirmed in the last 60 seconds.',
      '# TYPE layover_oracle_mints_per_minute gauge',
      `layover_oracle_mints_per_minute ${this.perMinute(now)}`,
      '# HELP layover_oracle_transactions_total Mint transactions signed (replacements included).',
      '# TYPE layover_oracle_transactions_total counter',
      `layover_oracle_transactions_total ${this.transactions}`,
      `layover_oracle_replacements_total ${this.replacements}`,
      '# HELP layover_oracle_failures_total Failures by cause (RPC errors, refused rows, reverted transactions).',
      '# TYPE layover_oracle_failures_total counter',
      ...[...this.failures].map(([cause, n]) => `layover_oracle_failures_total{cause="${cause}"} ${n}`),
    ];
    return `${lines.join('\n')}\n`;
  }

  private trim(now: number): void {
    while (this.recent.length > 0 && (this.recent[0] ?? now) < now - 60_000) this.recent.shift();
  }
}
