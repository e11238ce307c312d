import { create } from 'zustand';

/** How long My perks keeps asking after a redemption: a wallet's redeem becomes a perk once the indexer confirms it. */
export const WATCH_AFTER_REDEEM_MS = 120_000;

interface PerksRefreshState {
  /** Bumped to read the perks again now. */
  round: number;
  /** Epoch ms until which My perks polls (a redemption was just sent); 0 when idle. */
  watchUntil: number;
  /** A redemption went through: read now, and keep reading until its perk shows. */
  redeemed: (now?: number) => void;
  /** The awaited perk arrived (or the member left the tab): stop polling. */
  settled: () => void;
}

/** The Prizes tab's signal to My perks that a redemption happened, without the two reaching into each other. */
export const usePerksRefresh = create<PerksRefreshState>()((set) => ({
  round: 0,
  watchUntil: 0,
  redeemed: (now = Date.now()) =>
    set((state) => ({ round: state.round + 1, watchUntil: now + WATCH_AFTER_REDEEM_MS })),
  settled: () => set({ watchUntil: 0 }),
}));
