/** A budget of `burst` calls at once, refilled at `perSecond`, per key (a member id, or an IP for the signed out). */
export type RpcBudgetLimits = { burst: number; perSecond: number };

type Bucket = { calls: number; updatedAt: number };

/**
 * Per-key call budgets where a JSON-RPC batch costs one call per item: a batch is taken whole or not at all, so
 * batching buys nothing over single calls.
 */
export class RpcBudget {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limits: RpcBudgetLimits,
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes `calls` from `key`'s budget if it holds that many; false (and nothing taken) when it does not. */
  take(key: string, calls: number, now: number): boolean {
    const bucket = this.refilled(key, now);
    if (bucket.calls < calls) return false;
    bucket.calls -= calls;
    return true;
  }

  private refilled(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (bucket) this.buckets.delete(key);
    else {
      // Forget the longest-idle key, so a flood of new keys resets no one else's budget.
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
      bucket = { calls: this.limits.burst, updatedAt: now };
    }
    const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
    bucket.calls = Math.min(this.limits.burst, bucket.calls + elapsed * this.limits.perSecond);
    bucket.updatedAt = now;
    // Most recently used last, so the first key is always the longest idle.
    this.buckets.set(key, bucket);
    return bucket;
  }
}
