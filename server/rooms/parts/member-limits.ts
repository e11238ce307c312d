import type { AppContext } from '../../context.ts';
import { type RateLimit, RateLimitStore } from '../../domain/rate-limit.ts';

/** Every room's rate limits, by name: kept per member for the whole process, not per connection or room instance. */
export const ROOM_LIMITS = {
  chat: { name: 'chat', capacity: 5, perSecond: 1 },
  emote: { name: 'emote', capacity: 3, perSecond: 1 },
  reaction: { name: 'reaction', capacity: 4, perSecond: 2 },
  question: { name: 'question', capacity: 2, perSecond: 0.2 },
  report: { name: 'report', capacity: 3, perSecond: 0.05 },
  gameReady: { name: 'gameReady', capacity: 4, perSecond: 2 },
} as const satisfies Record<string, RateLimit>;

const stores = new WeakMap<AppContext, RateLimitStore>();

/**
 * The limiter for `limit` shared by every room built with `ctx` (one process), keyed by member id: leaving and
 * rejoining, or landing in a new instance of the room, continues the member's bucket instead of filling a new one.
 */
export function memberLimiter(ctx: AppContext, limit: RateLimit) {
  let store = stores.get(ctx);
  if (!store) {
    store = new RateLimitStore();
    stores.set(ctx, store);
  }
  return store.limiter(limit);
}
