import { useCallback, useEffect, useState } from 'react';
import type { PerkView } from '../../../shared/protocol/perks.ts';
import { ApiError } from '../../core/http.ts';
import { useLayoverStore } from '../../core/store.ts';
import { fetchPerks } from './perksApi.ts';
import { usePerksRefresh } from './perksRefresh.ts';

/** While a redemption's perk is awaited, how often My perks asks again. */
const POLL_MS = 2_000;

export interface PerksState {
  perks: PerkView[] | null;
  error: string | null;
  /** Puts one perk's new view in place (a shipping form sent). */
  replace: (perk: PerkView) => void;
}

/**
 * The member's perks: read when shown, when the passport's prizes move, when the Prizes tab redeems (and every
 * 2 s after that until a new perk shows or two minutes pass: a wallet's redeem waits for the indexer).
 */
export function usePerks(): PerksState {
  const token = useLayoverStore((state) => state.token);
  const prizes = useLayoverStore((state) => state.passport?.prizes ?? null);
  const round = usePerksRefresh((state) => state.round);
  const watchUntil = usePerksRefresh((state) => state.watchUntil);
  const [perks, setPerks] = useState<PerkView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: prizes, round and tick are signals to read again.
  useEffect(() => {
    if (!token) return;
    let live = true;
    fetchPerks(token).then(
      (next) => {
        if (!live) return;
        setPerks((before) => {
          if (before && next.length > before.length) usePerksRefresh.getState().settled();
          return next;
        });
        setError(null);
      },
      (failure: unknown) => live && setError(failure instanceof ApiError ? failure.code : 'other'),
    );
    return () => {
      live = false;
    };
  }, [token, prizes, round, tick]);

  useEffect(() => {
    if (watchUntil === 0) return;
    const timer = setInterval(() => {
      if (Date.now() > watchUntil) usePerksRefresh.getState().settled();
      else setTick((n) => n + 1);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [watchUntil]);

  const replace = useCallback(
    (perk: PerkView) => setPerks((list) => list?.map((one) => (one.id === perk.id ? perk : one)) ?? list),
    [],
  );
  return { perks, error, replace };
}
