import { create } from 'zustand';
import type { RelayActionView } from '../../../shared/protocol/relay.ts';

/** A card's key: one prize at one place (`lounge-day-pass:custody`). */
export const holdingKey = (prizeId: string, where: string) => `${prizeId}:${where}`;

interface PrizeOutcomesState {
  /** The last move this tab made per card, kept while the passport is open so a used-up card still shows it. */
  byHolding: Readonly<Record<string, RelayActionView>>;
  record: (key: string, action: RelayActionView) => void;
  forget: (key: string) => void;
}

/** What the member just did from the Prizes tab: the redemption, the gift, or the gift link to send. */
export const usePrizeOutcomes = create<PrizeOutcomesState>()((set) => ({
  byHolding: {},
  record: (key, action) => set((state) => ({ byHolding: { ...state.byHolding, [key]: action } })),
  forget: (key) =>
    set((state) => {
      const { [key]: _gone, ...rest } = state.byHolding;
      return { byHolding: rest };
    }),
}));
