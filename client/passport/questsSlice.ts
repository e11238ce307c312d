import type { DeliveryUpdate, PrizeView, QuestsSnapshot } from '../../shared/protocol/quests.ts';
import type { Slice } from '../core/slice.ts';
import { applyDelivery, applyPrizeWon } from './deliveryUpdates.ts';

/** The member's journeys and passport as the server last sent them (`quests` message). */
export interface QuestsSlice {
  passport: QuestsSnapshot | null;
  /** The stamp whose celebration is showing, with a count so the same stamp can celebrate twice. */
  celebration: { stampId: string; seq: number } | null;
  setPassport: (passport: QuestsSnapshot | null) => void;
  /** A prize just won (`prizeWon`); before the first snapshot it is left out, as that snapshot lists it. */
  addPrize: (prize: PrizeView) => void;
  /** A stamp token or prize moved on its way to the wallet (`delivery`). */
  applyDelivery: (update: DeliveryUpdate) => void;
  celebrateStamp: (stampId: string) => void;
  endCelebration: () => void;
}

/** No passport until the room sends one; also what signing out returns to. */
export const questsInitialState = {
  passport: null as QuestsSnapshot | null,
  celebration: null as QuestsSlice['celebration'],
};

export const questsReset: Partial<QuestsSlice> = questsInitialState;

let celebrationSeq = 0;

export const createQuestsSlice: Slice<QuestsSlice> = (set) => ({
  ...questsInitialState,
  setPassport: (passport) => set({ passport }),
  addPrize: (prize) =>
    set((state) => (state.passport ? { passport: applyPrizeWon(state.passport, prize) } : state)),
  applyDelivery: (update) =>
    set((state) =>
      state.passport ? { passport: applyDelivery(state.passport, update, Date.now()) } : state,
    ),
  celebrateStamp: (stampId) => set({ celebration: { stampId, seq: ++celebrationSeq } }),
  endCelebration: () => set({ celebration: null }),
});
