import { z } from 'zod';

/** POST /api/points/purchases: the item and the client's idempotency key (kept across retries of one purchase). */
export const PurchaseBody = z.strictObject({
  itemId: z.string().min(1).max(64),
  purchaseId: z.uuid(),
});
export type PurchaseBody = z.infer<typeof PurchaseBody>;

/** One catalogue item as a member sees it: price, units left, their own count, and whether they can pay for it. */
export const CatalogueEntryView = z.strictObject({
  id: z.string(),
  cost: z.number().int(),
  /** Units left; null when the stock is unlimited. */
  left: z.number().int().min(0).nullable(),
  perMemberLimit: z.number().int(),
  /** The member's purchases of it not refunded. */
  bought: z.number().int().min(0),
  affordable: z.boolean(),
});
export type CatalogueEntryView = z.infer<typeof CatalogueEntryView>;

/** GET /api/points/catalogue: names, descriptions and rewards are content (shared/content/catalogue.ts), by id. */
export const CatalogueView = z.strictObject({
  balance: z.number().int(),
  items: z.array(CatalogueEntryView),
});
export type CatalogueView = z.infer<typeof CatalogueView>;

/** Where a purchase stands: paid and waiting for its prize's mint, given, or paid back. */
export const PurchaseStatus = z.enum(['pending', 'fulfilled', 'refunded']);
export type PurchaseStatus = z.infer<typeof PurchaseStatus>;

/** A prize's delivery as shared/protocol/quests.ts DeliveryState names it. */
export const PurchaseDelivery = z.enum(['held', 'queued', 'minting', 'delivered', 'failed']);

/** One purchase: its perk code once given, and for a prize where its mint stands. */
export const PurchaseView = z.strictObject({
  id: z.string(),
  itemId: z.string(),
  cost: z.number().int(),
  status: PurchaseStatus,
  perkCode: z.string().nullable(),
  /** A prize's delivery state; null for other rewards. */
  delivery: PurchaseDelivery.nullable(),
  /** Epoch ms. */
  createdAt: z.number(),
});
export type PurchaseView = z.infer<typeof PurchaseView>;

/** POST /api/points/purchases answer: the purchase and the member's balance after it. */
export const PurchaseResponse = z.strictObject({
  purchase: PurchaseView,
  balance: z.number().int(),
});
export type PurchaseResponse = z.infer<typeof PurchaseResponse>;

/** GET /api/points/purchases: the member's purchases, newest first. */
export const PurchasesView = z.strictObject({ purchases: z.array(PurchaseView) });
export type PurchasesView = z.infer<typeof PurchasesView>;

/** Refusals of a purchase a member can meet (each translated in the lounge). */
export const PurchaseErrorCode = z.enum([
  'insufficientPoints',
  'soldOut',
  'purchaseLimit',
  'unknownItem',
  'purchaseIdConflict',
  'itemUnavailable',
  'invalidPurchase',
  'rateLimited',
]);
export type PurchaseErrorCode = z.infer<typeof PurchaseErrorCode>;
