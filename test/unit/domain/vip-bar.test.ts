import { describe, expect, it } from 'vitest';
import { KeyedRateLimiter } from '../../../server/domain/rate-limit.ts';
import { orderDrink } from '../../../server/domain/vip-bar.ts';
import { ROOM_LAYOUTS } from '../../../shared/content/room-layouts.ts';
import { BAR_ZONE, DRINK_BURST, DRINK_INTERVAL_MS } from '../../../shared/content/vip-bar.ts';
import { Interact, OrderDrink } from '../../../shared/protocol/lounge-messages.ts';

const vip = ROOM_LAYOUTS.vip;
const bar = vip.zones.find((zone) => zone.id === BAR_ZONE);
if (!bar) throw new Error('the VIP layout has no bar zone');
const atBar = { x: bar.x, z: bar.z };

function limiter() {
  return new KeyedRateLimiter(DRINK_BURST, 1000 / DRINK_INTERVAL_MS);
}

describe('orderDrink', () => {
  it('serves the drink ordered to a member standing at the bar', () => {
    const limits = limiter();
    const result = orderDrink({
      layout: vip,
      at: atBar,
      drink: 'espresso',
      takeToken: () => limits.take('m', 0),
    });
    expect(result).toEqual({ served: true, drink: 'espresso' });
  });

  it('refuses a member away from the counter, without spending their turn', () => {
    let taken = 0;
    const away = { x: vip.spawn.x, z: vip.spawn.z };
    const result = orderDrink({ layout: vip, at: away, drink: 'sparkling', takeToken: () => ++taken > 0 });
    expect(result).toEqual({ served: false, reason: 'notAtBar' });
    expect(taken).toBe(0);
    const edge = { x: bar.x + bar.radius + 0.01, z: bar.z };
    expect(orderDrink({ layout: vip, at: edge, drink: 'sparkling', takeToken: () => true })).toEqual({
      served: false,
      reason: 'notAtBar',
    });
  });

  it('refuses a flood: a burst, then one per interval', () => {
    const limits = limiter();
    const order = (now: number) =>
      orderDrink({ layout: vip, at: atBar, drink: 'mocktail', takeToken: () => limits.take('m', now) });
    const burst = Array.from({ length: 20 }, () => order(1000));
    expect(burst.filter((result) => result.served)).toHaveLength(DRINK_BURST);
    expect(burst.at(-1)).toEqual({ served: false, reason: 'tooSoon' });
    expect(order(1000 + DRINK_INTERVAL_MS / 2).served).toBe(false);
    expect(order(1000 + DRINK_INTERVAL_MS + 1).served).toBe(true);
    // Another member's flood leaves this one's turn alone.
    expect(limits.take('other', 1000)).toBe(true);
  });

  it('refuses in a room without a bar that serves (the main lounge)', () => {
    const lounge = ROOM_LAYOUTS.lounge;
    const loungeBar = lounge.zones.find((zone) => zone.id === 'bar');
    const at = { x: loungeBar?.x ?? 0, z: loungeBar?.z ?? 0 };
    expect(orderDrink({ layout: lounge, at, drink: 'espresso', takeToken: () => true })).toEqual({
      served: false,
      reason: 'noBar',
    });
  });
});

describe('the orderDrink message', () => {
  it('accepts a drink from the menu only', () => {
    expect(OrderDrink.safeParse({ drink: 'espresso' }).success).toBe(true);
    for (const bad of [
      {},
      { drink: 'whisky' },
      { drink: 1 },
      { drink: 'espresso', free: true },
      { drink: ['espresso'] },
      'espresso',
      null,
      { drink: 'x'.repeat(10_000) },
    ])
      expect(OrderDrink.safeParse(bad).success, JSON.stringify(bad)?.slice(0, 40)).toBe(false);
  });

  it('interact names zones of every room, and nothing else', () => {
    expect(Interact.safeParse({ objectId: 'vip-bar' }).success).toBe(true);
    expect(Interact.safeParse({ objectId: 'departures-board' }).success).toBe(true);
    expect(Interact.safeParse({ objectId: 'kitchen' }).success).toBe(false);
  });
});
