import { useCallback, useEffect, useRef, useState } from 'react';
import type { PointsExpiring } from '../../../shared/protocol/points.ts';
import { ApiError } from '../../core/http.ts';
import { useLayoverStore } from '../../core/store.ts';
import { fetchPointsSummary } from './pointsApi.ts';
import { type HistoryState, mergeHistory } from './pointsHistory.ts';

/** What the passport shows of the member's points besides the live balance (which the quests snapshot carries). */
export interface PointsSummaryState {
  memberNumber: string | null;
  expiring: PointsExpiring | null;
  history: HistoryState | null;
  /** An error code while nothing could be loaded (`network`, `unauthorized`...); null otherwise. */
  error: string | null;
  loadingMore: boolean;
  loadMore: () => void;
}

const codeOf = (error: unknown) => (error instanceof ApiError ? error.code : 'internal');

/**
 * The member number, expiry notice and history, fetched when the passport opens and again whenever the balance
 * in the quests snapshot moves (a partner activity, a purchase, an expiry), so the history follows the balance live.
 */
export function usePointsSummary(): PointsSummaryState {
  const token = useLayoverStore((state) => state.token);
  const balance = useLayoverStore((state) => state.passport?.points ?? null);
  const [memberNumber, setMemberNumber] = useState<string | null>(null);
  const [expiring, setExpiring] = useState<PointsExpiring | null>(null);
  const [history, setHistory] = useState<HistoryState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const historyRef = useRef(history);
  historyRef.current = history;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new balance is the signal to read the history again.
  useEffect(() => {
    if (!token) return;
    let live = true;
    fetchPointsSummary(token).then(
      (summary) => {
        if (!live) return;
        setMemberNumber(summary.memberNumber);
        setExpiring(summary.expiring);
        setHistory((current) => mergeHistory(current, summary, 'latest'));
        setError(null);
      },
      (failure: unknown) => {
        if (live) setError(codeOf(failure));
      },
    );
    return () => {
      live = false;
    };
  }, [token, balance]);

  const loadMore = useCallback(() => {
    const before = historyRef.current?.nextBefore;
    if (!token || before == null) return;
    setLoadingMore(true);
    fetchPointsSummary(token, before)
      .then(
        (page) => setHistory((current) => mergeHistory(current, page, 'older')),
        (failure: unknown) => setError(codeOf(failure)),
      )
      .finally(() => setLoadingMore(false));
  }, [token]);

  return { memberNumber, expiring, history, error, loadingMore, loadMore };
}
