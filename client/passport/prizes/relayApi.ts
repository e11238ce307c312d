import type {
  RelayActionView,
  RelayClaimView,
  RelayOverview,
  RelayPrepareBody,
  RelayPrepared,
  RelaySubmitBody,
} from '../../../shared/protocol/relay.ts';
import { routes } from '../../../shared/protocol/routes.ts';
import { callRoute } from '../../core/http.ts';

/** An answer that is the action itself, or carries it under `action`. */
type ActionAnswer = RelayActionView | { action: RelayActionView };
const actionOf = (answer: ActionAnswer): RelayActionView => ('action' in answer ? answer.action : answer);

/** The member's prizes by place (held, custody, wallet), recent moves and today's free-move allowance. */
export function fetchRelayOverview(token: string): Promise<RelayOverview> {
  return callRoute<RelayOverview>(routes.relayOverview, { token, cache: 'no-store' });
}

/** Asks what to sign (a wallet-held prize) or whether the server acts for the member (custody, held). */
export function prepareRelay(token: string, body: RelayPrepareBody): Promise<RelayPrepared> {
  return callRoute<RelayPrepared>(routes.relayPrepare, { token, body });
}

/** Sends the intent (with the wallet's signature when it signed one); the server records it before relaying. */
export async function submitRelay(token: string, body: RelaySubmitBody): Promise<RelayActionView> {
  return actionOf(await callRoute<ActionAnswer>(routes.relaySubmit, { token, body }));
}

/** Where one relayed action stands now. */
export async function fetchRelayAction(token: string, id: string): Promise<RelayActionView> {
  return actionOf(
    await callRoute<ActionAnswer>(routes.relayAction, { token, params: { id }, cache: 'no-store' }),
  );
}

/** What a gift link gives (never who sent it). */
export function fetchClaim(token: string | null, claim: string): Promise<RelayClaimView> {
  return callRoute<RelayClaimView>(routes.relayClaimView, {
    token: token ?? undefined,
    params: { token: claim },
    cache: 'no-store',
  });
}

/** Takes a gift link's prize into the signed-in member's account, once. */
export async function claimGift(token: string, claim: string): Promise<RelayActionView> {
  return actionOf(await callRoute<ActionAnswer>(routes.relayClaim, { token, params: { token: claim } }));
}
