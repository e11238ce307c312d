import type { PrizeWhere } from '../../../shared/protocol/relay.ts';
import type { MessageKey } from '../../core/i18n/en.ts';
import { shortHash } from '../formatDate.ts';

/** Where a prize is, in words: held by Layover, in the brand's custody, or in the member's wallet (0x1234…abcd). */
export function whereText(
  where: PrizeWhere,
  wallet: string | null,
): { key: MessageKey; vars?: { address: string } } {
  if (where === 'wallet')
    return { key: 'rewards.where.wallet', vars: { address: wallet ? shortHash(wallet) : '' } };
  return { key: where === 'custody' ? 'rewards.where.custody' : 'rewards.where.held' };
}
