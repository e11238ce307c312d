import { useState } from 'react';
import type { Address } from 'viem';
import type { MessageKey } from '../../core/i18n/en.ts';
import type { PrizeOutcome } from './prizeActions.ts';
import { prizeErrorKey } from './prizeErrors.ts';
import { usePrizeOutcomes } from './prizeOutcomes.ts';
import type { PrizeWallet } from './prizeWallet.ts';
import { giftPrize, type PrizeSigningAccount, redeemPrize } from './prizeWrites.ts';

export interface PrizeMoveTarget {
  claimId: string;
  tokenId: bigint;
  member: Address;
  wallet: PrizeWallet & { prizes: Address };
}

/** Gifts or redeems one prize, recording the outcome; failures become a message in the member's language. */
export function usePrizeMove({ claimId, tokenId, member, wallet }: PrizeMoveTarget, onSettled: () => void) {
  const record = usePrizeOutcomes((state) => state.record);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);

  const move = async (account: PrizeSigningAccount, kind: PrizeOutcome, to?: Address): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const base = { wallet, account, tokenId };
      const txHash =
        kind === 'gifted' && to ? await giftPrize({ ...base, from: member, to }) : await redeemPrize(base);
      record(claimId, to ? { kind, txHash, to } : { kind, txHash });
      return true;
    } catch (cause) {
      // viem's errors carry the call and the address, never a key: the local account signs in this tab.
      console.warn('Layover: prize transaction failed', cause);
      setError(prizeErrorKey(cause));
      return false;
    } finally {
      setBusy(false);
      onSettled();
    }
  };

  return { move, busy, error, setError };
}
