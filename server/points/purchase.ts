import { and, count, eq, ne, sql } from 'drizzle-orm';
import { type CatalogueItem, catalogue } from '../../shared/content/catalogue.ts';
import type { PurchaseView } from '../../shared/protocol/catalogue.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { cataloguePurchases } from '../db/points-schema.ts';
import { prizeRequirement } from '../prizes/eligibility.ts';
import { balanceOf, CATALOGUE_ACCOUNT, lockMember, memberAccount, postMovement } from './ledger.ts';
import { notifyPointsChanged } from './notify.ts';
import { giveReward, RewardUnavailable } from './purchase-reward.ts';
import { purchaseView } from './purchase-view.ts';

/** Why a purchase was refused; each is a code the lounge translates. */
export type PurchaseRefusal =
  | 'unknownItem'
  | 'insufficientPoints'
  | 'purchaseLimit'
  | 'soldOut'
  | 'purchaseIdConflict'
  | 'itemUnavailable'
  | 'memberGone';

export type PurchaseOutcome =
  | { ok: true; purchase: PurchaseView; balance: number; replayed: boolean }
  | { ok: false; refusal: PurchaseRefusal };

/** Thrown inside the transaction to undo what it reserved (stock, a movement) and answer a refusal. */
class Refused extends Error {
  constructor(readonly refusal: PurchaseRefusal) {
    super(refusal);
  }
}

/**
 * Buys one catalogue item with points in ONE transaction, once per `purchaseId` (the client's idempotency key):
 * the member's row locked, balance and per-member limit checked, a unit of stock reserved by one conditional
 * statement, the points moved to the catalogue (`purchase:<id>`), the purchase recorded and its reward given.
 * The same id again answers the first purchase; another member's id (or another item) is refused.
 */
export async function purchase(
  ctx: Pick<
    AppContext,
    'ledger' | 'config' | 'custodyAddress' | 'oracle' | 'presence' | 'logger' | 'clock' | 'content'
  >,
  input: {
    memberId: string;
    itemId: string;
    purchaseId: string;
    now: Date;
    /** The catalogue to buy from; the brand's by default (a test brings its own). */
    items?: readonly CatalogueItem[];
  },
): Promise<PurchaseOutcome> {
  const { memberId, itemId, purchaseId, now } = input;
  let outcome: PurchaseOutcome;
  try {
    outcome = await ctx.ledger.db.transaction(async (tx) => {
      // Erased or merged away while the request was on its way: their session is over too.
      if (!(await lockMember(tx, memberId))) throw new Refused('memberGone');
      const [existing] = await tx
        .select()
        .from(cataloguePurchases)
        .where(eq(cataloguePurchases.id, purchaseId));
      if (existing) {
        if (existing.memberId !== memberId || existing.itemId !== itemId)
          throw new Refused('purchaseIdConflict');
        const balance = await balanceOf(tx, memberAccount(memberId));
        return { ok: true, purchase: await purchaseView(tx, existing), balance, replayed: true };
      }
      const item = (input.items ?? catalogue).find((candidate) => candidate.id === itemId);
      if (!item) throw new Refused('unknownItem');
      const balance = await balanceOf(tx, memberAccount(memberId));
      if (balance < item.cost) throw new Refused('insufficientPoints');
      if ((await heldCount(tx, memberId, item.id)) >= item.perMemberLimit) throw new Refused('purchaseLimit');
      if (!(await reserveUnit(tx, item))) throw new Refused('soldOut');
      const posted = await postMovement(tx, {
        key: `purchase:${purchaseId}`,
        kind: 'purchase',
        reason: { code: 'purchase', params: { item: item.id } },
        at: now,
        entries: [
          { account: memberAccount(memberId), amount: -item.cost },
          { account: CATALOGUE_ACCOUNT, amount: item.cost },
        ],
        source: item.id,
      });
      // Another member's purchase with this id is committing: refuse rather than pay twice under one key.
      if (!posted.posted) throw new Refused('purchaseIdConflict');
      const reward = await giveReward(tx, {
        item,
        purchaseId,
        memberId,
        at: now,
        custody: ctx.custodyAddress,
        requires: prizeRequirement(ctx.config),
        prizes: ctx.content.current().bundle.prizes,
      });
      const [row] = await tx
        .insert(cataloguePurchases)
        .values({
          id: purchaseId,
          memberId,
          itemId: item.id,
          cost: item.cost,
          status: reward.status,
          outboxId: reward.outbox?.id ?? null,
          perkCode: reward.perkCode,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new Refused('purchaseIdConflict');
      return {
        ok: true,
        purchase: await purchaseView(tx, row, reward.outbox),
        balance: balance - item.cost,
        replayed: false,
      } satisfies PurchaseOutcome;
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusal: error.refusal };
    if (error instanceof RewardUnavailable) {
      ctx.logger.warn({ err: error, itemId }, 'catalogue item not available');
      return { ok: false, refusal: 'itemUnavailable' };
    }
    throw error;
  }
  if (outcome.ok && !outcome.replayed) {
    if (outcome.purchase.delivery === 'queued') ctx.oracle?.wake();
    await notifyPointsChanged(ctx, memberId);
  }
  return outcome;
}

/** The member's purchases of an item not refunded: what the per-member limit counts. */
export async function heldCount(db: Db, memberId: string, itemId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(cataloguePurchases)
    .where(
      and(
        eq(cataloguePurchases.memberId, memberId),
        eq(cataloguePurchases.itemId, itemId),
        ne(cataloguePurchases.status, 'refunded'),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Reserves one unit in one statement: the row is made at the first sale and counts up only while under the stock,
 * so concurrent buyers (any process) never sell more than the stock. False when sold out.
 */
async function reserveUnit(tx: Db, item: CatalogueItem): Promise<boolean> {
  const underStock = item.stock === null ? sql`` : sql` WHERE catalogue_stock.sold < ${item.stock}`;
  const result = await tx.execute(
    sql`INSERT INTO catalogue_stock (item_id, sold) VALUES (${item.id}, 1)
        ON CONFLICT (item_id) DO UPDATE SET sold = catalogue_stock.sold + 1${underStock}
        RETURNING sold`,
  );
  return rowsOf(result).length > 0;
}

/** The rows of a raw `execute` (node-postgres and PGlite both answer `{ rows }`). */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows?: Record<string, unknown>[] }).rows ?? [];
}
