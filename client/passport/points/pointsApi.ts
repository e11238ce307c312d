import type {
  CatalogueEntryView,
  CatalogueView,
  PurchaseResponse,
  PurchasesView,
  PurchaseView,
} from '../../../shared/protocol/catalogue.ts';
import type { PointsSummary } from '../../../shared/protocol/points.ts';
import { routes } from '../../../shared/protocol/routes.ts';
import { callRoute } from '../../core/http.ts';

/** One catalogue item as the member sees it: its price, what is left, and how many they bought already. */
export type CatalogueEntry = CatalogueEntryView;

/** One purchase: its perk code once given, and for a prize where its mint stands. */
export type PurchaseEntry = PurchaseView;

/** The balance, member number, next expiry and the newest history page, or the page before a movement id. */
export function fetchPointsSummary(token: string, before?: number): Promise<PointsSummary> {
  return callRoute<PointsSummary>(routes.pointsSummary, {
    token,
    cache: 'no-store',
    ...(before === undefined ? {} : { query: { before: String(before) } }),
  });
}

export async function fetchCatalogue(token: string): Promise<CatalogueEntry[]> {
  const body = await callRoute<CatalogueView>(routes.pointsCatalogue, {
    token,
    cache: 'no-store',
  });
  return body.items;
}

export async function fetchPurchases(token: string): Promise<PurchaseEntry[]> {
  const body = await callRoute<PurchasesView>(routes.pointsPurchases, {
    token,
    cache: 'no-store',
  });
  return body.purchases;
}

/** Buys once per `purchaseId`: sending the same id again answers the same purchase. */
export function buyItem(token: string, itemId: string, purchaseId: string): Promise<PurchaseResponse> {
  return callRoute<PurchaseResponse>(routes.pointsPurchase, { token, body: { itemId, purchaseId } });
}
