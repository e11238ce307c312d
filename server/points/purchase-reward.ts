import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { CatalogueItem } from '../../shared/content/catalogue.ts';
import type { Prize } from '../../shared/content/prizes.ts';
import type { Db } from '../db/open.ts';
import type { CataloguePurchaseStatus } from '../db/points-schema.ts';
import { partners } from '../db/points-schema.ts';
import { queuePartnerWebhook } from '../partners/webhooks.ts';
import { type OutboxRow, queueAward } from '../prizes/award.ts';
import type { PrizeRequirement } from '../prizes/eligibility.ts';
import { memberNumberOf } from './member-number.ts';

/** Crockford's base32: no I, L, O or U, so a code read aloud at a counter is not misheard. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A perk's one-time code: 12 Crockford base32 characters (60 random bits). */
export function newPerkCode(): string {
  const bytes = randomBytes(12);
  let code = '';
  for (const byte of bytes) code += CROCKFORD[byte & 31];
  return code;
}

/** What giving a purchase's reward left: its status, and the prize's outbox row or the perk's code. */
export interface RewardOutcome {
  status: CataloguePurchaseStatus;
  outbox: OutboxRow | null;
  perkCode: string | null;
}

/** A reward that cannot be given now (its partner is not registered or not active): the purchase is undone. */
export class RewardUnavailable extends Error {
  override name = 'RewardUnavailable';
}

/**
 * Gives a purchase's reward inside the purchase's transaction: a prize queued for the oracle (pending until it is
 * delivered; a failed mint is refunded by the sweep), a perk code, a raffle entry (the purchase itself), or points
 * sent to a partner's program as a signed webhook delivered at least once.
 */
export async function giveReward(
  tx: Db,
  input: {
    item: CatalogueItem;
    purchaseId: string;
    memberId: string;
    at: Date;
    custody: string | undefined;
    requires: PrizeRequirement;
    /** The published prizes (ctx.content.current().bundle.prizes): custody is for transferable ones. */
    prizes: readonly Prize[];
  },
): Promise<RewardOutcome> {
  const { item, purchaseId, memberId, at } = input;
  const reward = item.reward;
  if (reward.type === 'prize') {
    const outbox = await queueAward(tx, {
      kind: 'prize',
      memberId,
      itemId: reward.prizeId,
      eventId: `purchase:${purchaseId}`,
      source: item.id,
      at,
      custody: input.custody,
      requires: input.requires,
      prizes: input.prizes,
      // Bought with points, within the item's own per-member limit: the daily cap on won prizes does not apply.
      dailyCap: Number.MAX_SAFE_INTEGER,
    });
    return { status: 'pending', outbox, perkCode: null };
  }
  if (reward.type === 'perk') return { status: 'fulfilled', outbox: null, perkCode: newPerkCode() };
  if (reward.type === 'raffle') return { status: 'fulfilled', outbox: null, perkCode: null };
  const [partner] = await tx
    .select({ id: partners.id })
    .from(partners)
    .where(and(eq(partners.id, reward.partnerId), eq(partners.active, true)));
  if (!partner) throw new RewardUnavailable(`partner ${reward.partnerId} is not registered or not active`);
  await queuePartnerWebhook(tx, {
    partnerId: reward.partnerId,
    eventKey: `purchase:${purchaseId}`,
    type: 'points.transferred',
    payload: {
      memberNumber: await memberNumberOf(tx, memberId),
      partnerUnits: reward.partnerUnits,
      unit: reward.unitName.en,
      points: item.cost,
      itemId: item.id,
      purchaseId,
    },
    at,
  });
  return { status: 'fulfilled', outbox: null, perkCode: null };
}
