import { DRINK_REFUSALS, DRINKS, type Drink } from '../../../shared/content/vip-bar.ts';
import { OrderDrink } from '../../../shared/protocol/lounge-messages.ts';
import type { LoungeRoom } from '../../core/net/roomRef.ts';
import { currentRoom } from '../../core/net/roomRef.ts';
import { useLayoverStore } from '../../core/store.ts';

/**
 * Presses closer together than this (a double click, E then a button) count once: the server keeps the real limit per
 * member (a burst of two, then one per DRINK_INTERVAL_MS) and answers every order it gets.
 */
export const ORDER_INTERVAL_MS = 250;
let lastOrderAt = Number.NEGATIVE_INFINITY;

/**
 * Orders a drink at the VIP bar; the server serves it only while we stand at the counter. A press held back here is
 * answered at once with the bar's "too soon" toast, so no press goes unanswered (one used to vanish for 800 ms).
 */
export function sendOrderDrink(drink: Drink): boolean {
  const room = currentRoom();
  const now = performance.now();
  const payload = { drink };
  if (!room || !OrderDrink.safeParse(payload).success) return false;
  if (now - lastOrderAt < ORDER_INTERVAL_MS) {
    useLayoverStore.getState().pushToast({ kind: 'alert', key: 'rooms.bar.refused.tooSoon' });
    return false;
  }
  lastOrderAt = now;
  room.send('orderDrink', payload);
  return true;
}

/** Forgets the last order's time (tests: each starts as a fresh tab). */
export function resetOrderState(): void {
  lastOrderAt = Number.NEGATIVE_INFINITY;
}

/** The bar's answer becomes a toast: "Your espresso is served", or why it was not. */
export function listenForBar(joined: LoungeRoom, live: () => boolean): void {
  joined.onMessage('barReply', (reply: unknown) => {
    if (!live() || typeof reply !== 'object' || reply === null) return;
    const { drink, reason } = reply as { drink?: unknown; reason?: unknown };
    const { pushToast } = useLayoverStore.getState();
    const served = DRINKS.find((known) => known === drink);
    if (served) {
      pushToast({ kind: 'status', key: `rooms.bar.served.${served}` });
      return;
    }
    const refusal = DRINK_REFUSALS.find((known) => known === reason);
    if (refusal) pushToast({ kind: 'alert', key: `rooms.bar.refused.${refusal}` });
  });
}
