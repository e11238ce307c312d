import type { Prize } from '../../../shared/content/prizes.ts';
import type { DeliveryState } from '../../../shared/protocol/quests.ts';
import type { MessageKey } from '../../core/i18n/en.ts';

/** What this member did with a delivered prize from the passport: gave it away or used it up for its perk. */
export type PrizeOutcome = 'gifted' | 'redeemed';

/** The buttons a prize row shows. */
export interface PrizeActions {
  gift: boolean;
  redeem: boolean;
}

export interface PrizeHolding {
  /** Units of the prize's token in the member's wallet; undefined until the chain answers. */
  balance: bigint | undefined;
  outcome: PrizeOutcome | undefined;
}

const NONE: PrizeActions = { gift: false, redeem: false };

/**
 * A delivered prize still in the wallet can be redeemed, and gifted unless it is soulbound. Nothing is offered
 * before the chain confirms a unit is there, or once this row's prize was gifted or redeemed.
 */
export function prizeActions(
  state: DeliveryState,
  content: Pick<Prize, 'soulbound'> | undefined,
  holding: PrizeHolding,
): PrizeActions {
  if (state !== 'delivered' || !content || holding.outcome) return NONE;
  if (holding.balance === undefined || holding.balance < 1n) return NONE;
  return { gift: !content.soulbound, redeem: true };
}

/** The status line of a prize: where it stands on its way to the wallet, or what the member did with it. */
export function prizeStatusKey(state: DeliveryState, outcome?: PrizeOutcome): MessageKey {
  if (outcome === 'redeemed') return 'prizes.statusRedeemed';
  if (outcome === 'gifted') return 'prizes.statusGifted';
  return `chain.${state}`;
}
