import { useEffect, useState } from 'react';
import type { RelayClaimView } from '../../shared/protocol/relay.ts';
import { fetchClaim } from './claimApi.ts';
import { claimFailureCode } from './claimErrors.ts';

export type ClaimViewState =
  | { loading: true }
  | { loading: false; view: RelayClaimView }
  | { loading: false; error: string };

/** What the gift link gives, read when it opens and again when the member signs in (`session` changes) or retries. */
export function useClaimView(claim: string | null, session: string | null, round: number): ClaimViewState {
  const [state, setState] = useState<ClaimViewState>({ loading: true });
  // biome-ignore lint/correctness/useExhaustiveDependencies: round is a signal to read again.
  useEffect(() => {
    if (!claim) return;
    let live = true;
    fetchClaim(claim, session).then(
      (view) => live && setState({ loading: false, view }),
      (failure: unknown) => live && setState({ loading: false, error: claimFailureCode(failure) }),
    );
    return () => {
      live = false;
    };
  }, [claim, session, round]);
  return state;
}
