import { describe, expect, it } from 'vitest';
import { KeyedRateLimiter, TokenBucket } from '../../server/domain/rate-limit.ts';

describe('TokenBucket', () => {
  it('allows a burst, then refills at its rate', () => {
    const bucket = new TokenBucket(3, 1, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(bucket.take(500)).toBe(false);
    expect(bucket.take(1000)).toBe(true);
  });
});

describe('KeyedRateLimiter', () => {
  it('keeps an active, exhausted key limited while a flood of new keys churns the map', () => {
    const limiter = new KeyedRateLimiter(1, 0.001, 100);
    expect(limiter.take('busy', 0)).toBe(true);
    const verdicts: boolean[] = [];
    for (let i = 0; i < 1000; i++) {
      limiter.take(`spoof-${i}`, 0);
      if (i % 10 === 0) verdicts.push(limiter.take('busy', 0));
    }
    // Clearing the whole map at capacity would have handed "busy" a fresh bucket.
    expect(verdicts.every((allowed) => !allowed)).toBe(true);
  });
});
