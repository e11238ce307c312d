import { DRINK_REFUSALS, DRINKS, type Drink } from '../../../shared/content/vip-bar.ts';
import { OrderDrink } from '../../../shared/protocol/lounge-messages.ts';
import type { LoungeRoom } from '../../core/net/roomRef.ts';
import { currentRoom } from '../../core/net/roomRef.ts';
import { useLayoverStore } from '../../core/store.ts';

/** Orders at most this often from one tab; the server keeps its own, stricter limit per member. */
const ORDER_INTERVAL_MS = 800;
let lastOrderAt = Number.NEGATIVE_INFINITY;

/** Orders a drink at the VIP bar; the server serves it only while we stand at the counter. */
export function sendOrderDrink(drink: Drink): boolean {
  const room = currentRoom();
  const now = performance.now();
  const payload = { drink };
  if (!room || now - lastOrderAt < ORDER_INTERVAL_MS || !OrderDrink.safeParse(payload).success) return false;
  lastOrderAt = now;
  room.send('orderDrink', payload);
  return true;
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
