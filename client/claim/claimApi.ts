import type { RelayActionView, RelayClaimView } from '../../shared/protocol/relay.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { callRoute } from '../core/http.ts';

/** What a gift link gives and whether it is still open (never who sent it). */
export function fetchClaim(claim: string, token: string | null): Promise<RelayClaimView> {
  return callRoute<RelayClaimView>(routes.relayClaimView, {
    params: { token: claim },
    token: token ?? undefined,
    cache: 'no-store',
  });
}

/** Takes the gift into the signed-in member's account, once. */
export async function claimGift(claim: string, token: string): Promise<RelayActionView> {
  const answer = await callRoute<RelayActionView | { action: RelayActionView }>(routes.relayClaim, {
    params: { token: claim },
    token,
  });
  return 'action' in answer ? answer.action : answer;
}
