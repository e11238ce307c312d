import type { LoungeLayout } from '../../shared/content/lounge-layout.ts';
import { BAR_ZONE, type Drink, type DrinkRefusal } from '../../shared/content/vip-bar.ts';

/** What ordering a drink comes to: served, or refused with the reason the member is told. */
export type DrinkOrderResult = { served: true; drink: Drink } | { served: false; reason: DrinkRefusal };

export interface DrinkOrderParameters {
  layout: LoungeLayout;
  /** Where the member stands, by the server's own pose. */
  at: { x: number; z: number };
  drink: Drink;
  /** Whether the member's rate limit has a token for this order (taken only when it would be served). */
  takeToken: () => boolean;
}

/** Serves a drink to a member standing at the room's bar, a few a minute; anywhere else it is refused. Pure. */
export function orderDrink({ layout, at, drink, takeToken }: DrinkOrderParameters): DrinkOrderResult {
  const bar = layout.zones.find((zone) => zone.id === BAR_ZONE);
  if (!bar) return { served: false, reason: 'noBar' };
  if (Math.hypot(at.x - bar.x, at.z - bar.z) > bar.radius) return { served: false, reason: 'notAtBar' };
  if (!takeToken()) return { served: false, reason: 'tooSoon' };
  return { served: true, drink };
}
