import { describe, expect, it } from 'vitest';
import { RateLimitStore } from '../../server/domain/rate-limit.ts';

describe('RateLimitStore', () => {
  it('hands every asker of one limit the same limiter, so a second room instance continues the bucket', () => {
    const store = new RateLimitStore();
    const report = { name: 'report', capacity: 3, perSecond: 0.05 };
    const firstRoom = store.limiter(report);
    expect([1, 2, 3].map(() => firstRoom.take('member-a', 0))).toEqual([true, true, true]);
    const secondRoom = store.limiter({ ...report });
    expect(secondRoom).toBe(firstRoom);
    expect(secondRoom.take('member-a', 0)).toBe(false);
    expect(secondRoom.take('member-b', 0)).toBe(true);
  });

  it('keeps limits of other names or rates apart', () => {
    const store = new RateLimitStore();
    const chat = store.limiter({ name: 'chat', capacity: 1, perSecond: 1 });
    expect(chat.take('member-a', 0)).toBe(true);
    expect(store.limiter({ name: 'emote', capacity: 1, perSecond: 1 }).take('member-a', 0)).toBe(true);
    expect(store.limiter({ name: 'chat', capacity: 1, perSecond: 2 }).take('member-a', 0)).toBe(true);
    expect(chat.take('member-a', 0)).toBe(false);
  });
});
