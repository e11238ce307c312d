import { create } from 'zustand';
import type { PrizeOutcome } from './prizeActions.ts';

export interface PrizeOutcomeRecord {
  kind: PrizeOutcome;
  txHash: `0x${string}`;
  /** The gift's recipient. */
  to?: `0x${string}`;
}

interface PrizeOutcomesState {
  byClaim: Readonly<Record<string, PrizeOutcomeRecord>>;
  record: (claimId: string, outcome: PrizeOutcomeRecord) => void;
}

/** Prizes this tab gifted or redeemed, by claim id; the ledger does not track them, the chain's balance does. */
export const usePrizeOutcomes = create<PrizeOutcomesState>()((set) => ({
  byClaim: {},
  record: (claimId, outcome) => set((state) => ({ byClaim: { ...state.byClaim, [claimId]: outcome } })),
}));
