import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type LoungeRoom, setCurrentRoom } from '../../client/core/net/roomRef.ts';
import { useLayoverStore } from '../../client/core/store.ts';
import {
  listenForBar,
  ORDER_INTERVAL_MS,
  resetOrderState,
  sendOrderDrink,
} from '../../client/lounge/perks/barMessages.ts';
import { OrderDrink } from '../../shared/protocol/lounge-messages.ts';

// The bar menu's orders and their toasts (issue 21): in Chromium a second order by the menu's button, pressed soon
// after E, sent nothing and showed nothing (the tab's own 800 ms guard dropped it silently).
let sent: unknown[] = [];
let handlers: Record<string, (payload: unknown) => void> = {};
let room: LoungeRoom;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  vi.advanceTimersByTime(10_000);
  sent = [];
  handlers = {};
  room = {
    send: (type: string, payload: unknown) => sent.push({ type, payload }),
    onMessage: (type: string, handler: (payload: unknown) => void) => {
      handlers[type] = handler;
    },
  } as unknown as LoungeRoom;
  setCurrentRoom(room);
  resetOrderState();
  useLayoverStore.setState({ toasts: [] });
  listenForBar(room, () => true);
});

afterEach(() => {
  setCurrentRoom(null);
  vi.useRealTimers();
});

const toastKeys = () => useLayoverStore.getState().toasts.map((toast) => `${toast.kind}:${toast.key}`);

describe('ordering at the VIP bar', () => {
  it('sends a second order made a moment after the first (E, then a button), and toasts both answers', () => {
    expect(sendOrderDrink('sparkling')).toBe(true);
    handlers.barReply?.({ served: true, drink: 'sparkling' });
    // Half a second later: under the old guard this order was dropped without a word.
    vi.advanceTimersByTime(500);
    expect(sendOrderDrink('espresso')).toBe(true);
    handlers.barReply?.({ served: true, drink: 'espresso' });
    expect(sent).toEqual([
      { type: 'orderDrink', payload: { drink: 'sparkling' } },
      { type: 'orderDrink', payload: { drink: 'espresso' } },
    ]);
    for (const { payload } of sent as { payload: unknown }[])
      expect(OrderDrink.safeParse(payload).success).toBe(true);
    expect(toastKeys()).toEqual(['status:rooms.bar.served.sparkling', 'status:rooms.bar.served.espresso']);
  });

  it('answers a press it holds back (a double click) with the too-soon toast instead of nothing', () => {
    expect(sendOrderDrink('mocktail')).toBe(true);
    vi.advanceTimersByTime(ORDER_INTERVAL_MS / 2);
    expect(sendOrderDrink('mocktail')).toBe(false);
    expect(sent).toHaveLength(1);
    expect(toastKeys()).toEqual(['alert:rooms.bar.refused.tooSoon']);
    vi.advanceTimersByTime(ORDER_INTERVAL_MS);
    expect(sendOrderDrink('mocktail')).toBe(true);
    expect(sent).toHaveLength(2);
  });

  it("toasts the server's refusals and ignores a reply it does not know", () => {
    handlers.barReply?.({ served: false, reason: 'notAtBar' });
    handlers.barReply?.({ served: false, reason: 'tooSoon' });
    handlers.barReply?.({ served: true, drink: 'whisky' });
    handlers.barReply?.('served');
    expect(toastKeys()).toEqual(['alert:rooms.bar.refused.notAtBar', 'alert:rooms.bar.refused.tooSoon']);
  });
});
