import type { CatalogueEntry } from './pointsApi.ts';

/** Whether the member can buy an item now, and if not the first reason why (shown on the card, Buy disabled). */
export type Availability =
  | { kind: 'available' }
  | { kind: 'soldOut' }
  | { kind: 'limit' }
  | { kind: 'short'; missing: number };

export function availability(entry: CatalogueEntry, balance: number): Availability {
  if (entry.left !== null && entry.left <= 0) return { kind: 'soldOut' };
  if (entry.bought >= entry.perMemberLimit) return { kind: 'limit' };
  if (balance < entry.cost) return { kind: 'short', missing: entry.cost - balance };
  return { kind: 'available' };
}
