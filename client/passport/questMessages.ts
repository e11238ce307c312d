import type { DeliveryUpdate, PrizeView, QuestsSnapshot, StampEarned } from '../../shared/protocol/quests.ts';
import { prizeName, stampName } from '../core/content.ts';
import type { LoungeRoom } from '../core/net/roomRef.ts';
import { useLayoverStore } from '../core/store.ts';

/** Prize deliveries worth a toast: the mint going out and the prize arriving. */
const ANNOUNCED = { minting: 'quests.prizeMinting', delivered: 'quests.prizeDelivered' } as const;

function onDelivery(update: DeliveryUpdate): void {
  const store = useLayoverStore.getState();
  const before = store.passport?.prizes?.find((prize) => prize.claimId === update.claimId)?.state;
  store.applyDelivery(update);
  if (update.kind !== 'prize' || before === update.state) return;
  if (update.state !== 'minting' && update.state !== 'delivered') return;
  const prize = prizeName(update.itemId, store.locale);
  store.pushToast({ kind: 'status', key: ANNOUNCED[update.state], vars: { prize } });
}

/** Mirrors the member's journeys, passport, prizes and deliveries into the store, announcing what is new. */
export function listenForQuests(joined: LoungeRoom, live: () => boolean): void {
  joined.onMessage('quests', (snapshot: QuestsSnapshot) => {
    if (live()) useLayoverStore.getState().setPassport(snapshot);
  });
  joined.onMessage('stampEarned', ({ stampId }: StampEarned) => {
    if (!live()) return;
    const store = useLayoverStore.getState();
    store.celebrateStamp(stampId);
    store.pushToast({
      kind: 'status',
      key: 'quests.stampEarned',
      vars: { stamp: stampName(stampId, store.locale) },
    });
  });
  joined.onMessage('prizeWon', (prize: PrizeView) => {
    if (!live()) return;
    const store = useLayoverStore.getState();
    store.addPrize(prize);
    store.pushToast({
      kind: 'status',
      key: 'quests.prizeWon',
      vars: { prize: prizeName(prize.prizeId, store.locale) },
    });
    // Held until the member keeps their account (PRIZE_REQUIRES): say so, or it goes back after a week.
    if (prize.keepAccountBy !== undefined) store.pushToast({ kind: 'status', key: 'rewards.keepAccount' });
  });
  joined.onMessage('delivery', (update: DeliveryUpdate) => {
    if (live()) onDelivery(update);
  });
}
