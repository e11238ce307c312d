import type { PointsSummary } from '../../../shared/protocol/points.ts';
import type { DeliveryState } from '../../../shared/protocol/quests.ts';
import type { RouteSpec } from '../../../shared/protocol/routes.ts';
import { callRoute } from '../../core/http.ts';

/** The member points routes (server/http/points-routes.ts). */
const POINTS_ROUTES = {
  summary: { method: 'GET', path: '/api/points' },
  catalogue: { method: 'GET', path: '/api/points/catalogue' },
  purchases: { method: 'GET', path: '/api/points/purchases' },
  purchase: { method: 'POST', path: '/api/points/purchases' },
} as const satisfies Record<string, RouteSpec>;

/** One catalogue item as the member sees it: its price, what is left, and how many they bought already. */
export interface CatalogueEntry {
  id: string;
  cost: number;
  /** Units left; null when the stock is unlimited. */
  left: number | null;
  perMemberLimit: number;
  bought: number;
}

/** One purchase: its perk code once given, and for a prize where its mint stands. */
export interface PurchaseEntry {
  id: string;
  itemId: string;
  cost: number;
  status: 'pending' | 'fulfilled' | 'refunded';
  perkCode: string | null;
  delivery: DeliveryState | null;
  /** Epoch ms. */
  createdAt: number;
}

/** The balance, member number, next expiry and the newest history page, or the page before a movement id. */
export function fetchPointsSummary(token: string, before?: number): Promise<PointsSummary> {
  return callRoute<PointsSummary>(POINTS_ROUTES.summary, {
    token,
    cache: 'no-store',
    ...(before === undefined ? {} : { query: { before: String(before) } }),
  });
}

export async function fetchCatalogue(token: string): Promise<CatalogueEntry[]> {
  const body = await callRoute<{ items: CatalogueEntry[] }>(POINTS_ROUTES.catalogue, {
    token,
    cache: 'no-store',
  });
  return body.items;
}

export async function fetchPurchases(token: string): Promise<PurchaseEntry[]> {
  const body = await callRoute<{ purchases: PurchaseEntry[] }>(POINTS_ROUTES.purchases, {
    token,
    cache: 'no-store',
  });
  return body.purchases;
}

/** Buys once per `purchaseId`: sending the same id again answers the same purchase. */
export function buyItem(
  token: string,
  itemId: string,
  purchaseId: string,
): Promise<{ purchase: PurchaseEntry; balance: number }> {
  return callRoute(POINTS_ROUTES.purchase, { token, body: { itemId, purchaseId } });
}
