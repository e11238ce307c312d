import type { RelayActionView, RelayKind } from '../../../shared/protocol/relay.ts';

/** What the member asked for: redeem one, or gift one to an address or by a claim link. */
export type RelayIntent =
  | { kind: 'redeem' }
  | { kind: 'gift'; to: `0x${string}` }
  | { kind: 'gift'; link: true };

/** Where one prize card's action stands, from choosing to the chain's answer. */
export type RelayStep =
  | { step: 'idle' }
  | { step: 'confirmRedeem' }
  | { step: 'gift' }
  | { step: 'working'; phase: 'prepare' | 'sign' | 'submit' | 'pending' }
  | { step: 'reauth'; intent: RelayIntent }
  | { step: 'done'; action: RelayActionView }
  | { step: 'failed'; code: string };

/** A relayed action the server still works on: recorded, or broadcast and not yet confirmed. */
export function stillPending(action: Pick<RelayActionView, 'status'>): boolean {
  return action.status === 'queued' || action.status === 'sent';
}

/** The body's intent fields for POST /api/relay/prepare and /api/relay/actions. */
export function intentBody(prizeId: string, intent: RelayIntent) {
  const kind: Exclude<RelayKind, 'claim'> = intent.kind;
  if (intent.kind === 'redeem') return { kind, prizeId, amount: 1 };
  return 'to' in intent
    ? { kind, prizeId, amount: 1, to: intent.to }
    : { kind, prizeId, amount: 1, link: true };
}

/** The whole gift link a member sends a friend: this lounge's address with `?claim=<token>`. */
export function claimUrl(origin: string, token: string): string {
  return `${origin}/?claim=${encodeURIComponent(token)}`;
}
