/** What the VIP bar serves; the client names each drink in the member's language (client/core/i18n/rooms). */
export const DRINKS = ['sparkling', 'espresso', 'mocktail'] as const;
export type Drink = (typeof DRINKS)[number];

/** The zone of the VIP layout where the bartender takes an order. */
export const BAR_ZONE = 'vip-bar';

/** One order per member this often, at most (a burst of two is allowed), in milliseconds. */
export const DRINK_INTERVAL_MS = 10_000;
export const DRINK_BURST = 2;

/** Why the bar did not serve: not standing at it, ordering too fast, or a room with no bar. */
export const DRINK_REFUSALS = ['notAtBar', 'tooSoon', 'noBar'] as const;
export type DrinkRefusal = (typeof DRINK_REFUSALS)[number];
