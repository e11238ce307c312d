import { type Address, isAddress, zeroAddress } from 'viem';
import type { Prize } from '../../shared/content/prizes.ts';
import type { PrizeWhere, RelayErrorCode, RelayPrepareBody } from '../../shared/protocol/relay.ts';
import type { ResolvedSession } from '../auth/sessions.ts';
import type { PrizeCall } from '../chain/relay/forward.ts';
import type { RelayService } from '../chain/relay/service.ts';
import type { AppContext } from '../context.ts';
import { isRedeemable } from '../perks/fulfil.ts';
import { custodyRows, heldRows, walletBalances } from './holdings.ts';

/** A refusal a member reads (translated by its code) with a developer-facing detail. */
export type Refusal = { ok: false; code: RelayErrorCode; detail: string };

/** Builds a refusal. */
export const refuse = (code: RelayErrorCode, detail: string): Refusal => ({ ok: false, code, detail });

/** An intent that passed the checks every place shares: the prize, where it sits, and the gift's target. */
export interface CheckedIntent {
  ok: true;
  prize: Prize;
  where: PrizeWhere;
  amount: number;
  kind: 'redeem' | 'gift';
  /** The gift's recipient wallet; undefined for a redemption or a claim link. */
  to: Address | undefined;
  link: boolean;
}

/**
 * The checks before anything is prepared or recorded: a lasting (non-guest) session, a known prize, a gift's target
 * (an address that is not zero, or a link; never for a soulbound prize), and where the member holds enough units:
 * their wallet first, then the brand's custody, then the ledger (held).
 */
export async function checkIntent(
  ctx: AppContext,
  session: ResolvedSession,
  body: RelayPrepareBody,
): Promise<CheckedIntent | Refusal> {
  if (session.kind === 'guest')
    return refuse('guestNotAllowed', 'guests cannot move prizes: keep your account first');
  const relay = ctx.relay;
  if (!relay) return refuse('relayFailed', 'this lounge has no relayer (RELAYER_KEY)');
  // The published catalogue: a prize published after boot moves like any other (a retired one still can).
  const prize = ctx.content.current().prize(body.prizeId);
  if (!prize) return refuse('unknownPrize', `no prize ${body.prizeId}`);
  const link = body.link === true;
  let to: Address | undefined;
  if (body.kind === 'redeem') {
    if (body.to || link) return refuse('invalidRelay', 'a redemption has no recipient');
    if (!isRedeemable(prize.id))
      return refuse('invalidRelay', `${prize.id} gives no perk: holding it is the point`);
  } else {
    if (prize.soulbound) return refuse('soulbound', `${prize.id} stays with the member who won it`);
    if (link === (body.to !== undefined))
      return refuse('invalidRelay', 'a gift goes to an address or a link, one of them');
    if (body.to !== undefined) {
      if (!isAddress(body.to, { strict: false })) return refuse('invalidRelay', 'not an address');
      if (body.to.toLowerCase() === zeroAddress)
        return refuse('zeroAddress', 'a gift to the zero address is lost');
      to = body.to.toLowerCase() as Address;
      if (to === session.member.address) return refuse('invalidRelay', 'that is your own wallet');
    }
  }
  const where = await placeOf(ctx, session.member, prize, body.amount);
  if (!where) return refuse('notHeld', `you hold fewer than ${body.amount} of ${prize.id}`);
  if (where !== 'wallet' && body.amount !== 1)
    return refuse('invalidRelay', 'prizes held for you move one at a time');
  if (where === 'custody' && !relay.custody)
    return refuse('custodyUnavailable', 'the custody key is not held by this server');
  if (where === 'wallet' && link && !relay.custody)
    return refuse('custodyUnavailable', 'claim links need the custody key as escrow');
  return { ok: true, prize, where, amount: body.amount, kind: body.kind, to, link };
}

/** Where the member holds at least `amount` units of the prize; undefined when nowhere. */
async function placeOf(
  ctx: AppContext,
  member: { id: string; address: string | null },
  prize: Prize,
  amount: number,
): Promise<PrizeWhere | undefined> {
  if (member.address && ((await walletBalances(ctx, member.address)).get(prize.id) ?? 0) >= amount)
    return 'wallet';
  if ((await custodyRows(ctx.ledger.db, member.id, prize.id)).length >= amount) return 'custody';
  if ((await heldRows(ctx.ledger.db, member.id, prize.id)).length >= amount) return 'held';
  return undefined;
}

/** The Prizes call of an intent, made by `from` (the member's wallet or the custody address). */
export function callOf(intent: CheckedIntent, from: Address, relay: RelayService): PrizeCall {
  const tokenId = BigInt(intent.prize.tokenId);
  const amount = BigInt(intent.amount);
  if (intent.kind === 'redeem') return { kind: 'redeem', tokenId, amount };
  const to = intent.to ?? (relay.custody?.address as Address);
  return { kind: 'gift', from, to, tokenId, amount };
}
