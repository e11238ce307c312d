/** A token bucket: `capacity` actions at once, refilled at `perSecond`. Pure apart from the state it holds. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Takes one token if there is one; false means the action is over the limit. */
  take(now: number): boolean {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.perSecond);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Token buckets keyed by a string (an IP address, a member id), forgetting the longest-idle keys first. */
export class KeyedRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly maxKeys = 10_000,
  ) {}

  take(key: string, now: number): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      // Forget the longest-idle key rather than everyone's history, so a flood of new keys resets no one else.
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
      bucket = new TokenBucket(this.capacity, this.perSecond, now);
      this.buckets.set(key, bucket);
    }
    // Most recently used last, so the first key is always the longest idle.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    return bucket.take(now);
  }
}

/** A named limit: `capacity` actions at once, then `perSecond`. */
export interface RateLimit {
  name: string;
  capacity: number;
  perSecond: number;
}

/**
 * Limiters by limit, kept as long as the store: a room asks here instead of building its own, so a member who leaves
 * and rejoins (a new connection, a new room instance) finds the bucket they left, not a full one.
 */
export class RateLimitStore {
  private readonly limiters = new Map<string, KeyedRateLimiter>();

  /** The one limiter of `limit` (same name and rate, same limiter). */
  limiter(limit: RateLimit): KeyedRateLimiter {
    const key = `${limit.name}:${limit.capacity}:${limit.perSecond}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = new KeyedRateLimiter(limit.capacity, limit.perSecond);
      this.limiters.set(key, limiter);
    }
    return limiter;
  }
}
