import { useCallback, useEffect, useState } from 'react';
import type { RelayOverview } from '../../../shared/protocol/relay.ts';
import { ApiError } from '../../core/http.ts';
import { useLayoverStore } from '../../core/store.ts';
import { fetchRelayOverview } from './relayApi.ts';

export interface RelayOverviewState {
  overview: RelayOverview | null;
  /** The code of the last failed read; the tab then lists the won prizes without actions. */
  error: string | null;
  reload: () => void;
}

/** Where the member's prizes are, read when the tab opens, when the passport's prizes move, and after each move. */
export function useRelayOverview(): RelayOverviewState {
  const token = useLayoverStore((state) => state.token);
  const prizes = useLayoverStore((state) => state.passport?.prizes ?? null);
  const [overview, setOverview] = useState<RelayOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: prizes and round are signals to read again.
  useEffect(() => {
    if (!token) return;
    let live = true;
    fetchRelayOverview(token).then(
      (next) => {
        if (!live) return;
        setOverview(next);
        setError(null);
      },
      (failure: unknown) => live && setError(failure instanceof ApiError ? failure.code : 'other'),
    );
    return () => {
      live = false;
    };
  }, [token, prizes, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { overview, error, reload };
}
