import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../core/http.ts';
import { useLayoverStore } from '../../core/store.ts';
import { type CatalogueEntry, fetchCatalogue, fetchPurchases, type PurchaseEntry } from './pointsApi.ts';

/** The catalogue with stock and the member's counts, and what they bought, newest first. */
export interface RewardsState {
  items: CatalogueEntry[] | null;
  purchases: PurchaseEntry[] | null;
  error: string | null;
  /** Reads both again (after a purchase, whatever its outcome). */
  reload: () => void;
}

/**
 * Loaded when the Rewards tab opens and again whenever the balance or the prizes in the quests snapshot move:
 * stock, limits and a prize purchase's delivery then show what the server holds now.
 */
export function useRewards(): RewardsState {
  const token = useLayoverStore((state) => state.token);
  const balance = useLayoverStore((state) => state.passport?.points ?? null);
  const prizes = useLayoverStore((state) => state.passport?.prizes ?? null);
  const [items, setItems] = useState<CatalogueEntry[] | null>(null);
  const [purchases, setPurchases] = useState<PurchaseEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: balance, prizes and round are signals to read again.
  useEffect(() => {
    if (!token) return;
    let live = true;
    Promise.all([fetchCatalogue(token), fetchPurchases(token)]).then(
      ([nextItems, nextPurchases]) => {
        if (!live) return;
        setItems(nextItems);
        setPurchases(nextPurchases);
        setError(null);
      },
      (failure: unknown) => {
        if (live) setError(failure instanceof ApiError ? failure.code : 'internal');
      },
    );
    return () => {
      live = false;
    };
  }, [token, balance, prizes, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { items, purchases, error, reload };
}
