import { type Address, type Hex, isAddressEqual } from 'viem';
import type { RelayPrepared, RelaySubmitBody } from '../../shared/protocol/relay.ts';
import type { ResolvedSession } from '../auth/sessions.ts';
import {
  buildRequest,
  decodePrizeCall,
  forwarderDomain,
  forwarderNonce,
  MAX_DEADLINE_SECONDS,
  prizeCallData,
  signerOf,
} from '../chain/relay/forward.ts';
import { refusalOf } from '../chain/relay/relayer.ts';
import type { RelayService } from '../chain/relay/service.ts';
import type { AppContext } from '../context.ts';
import { type CheckedIntent, callOf, type Refusal, refuse } from './intent.ts';
import { type RecordedAction, recordAction } from './record.ts';

/** The request a member's wallet signs for a prize it holds (the forwarder's current nonce, a 10-minute deadline). */
export async function prepareWallet(
  ctx: AppContext,
  relay: RelayService,
  member: { address: string },
  intent: CheckedIntent,
): Promise<RelayPrepared> {
  const from = member.address as Address;
  const request = await buildRequest(ctx.chain.publicClient, relay.forwarder, {
    from,
    to: ctx.chain.contracts.Prizes as Address,
    data: prizeCallData(callOf(intent, from, relay)),
    nowMs: ctx.clock.now(),
  });
  return { where: 'wallet', domain: forwarderDomain(ctx.chain.chainId, relay.forwarder), request };
}

/**
 * Checks a signed request against the intent and the chain, then records it (before any broadcast): the member's
 * own wallet, this chain, Prizes and exactly the intended call, a live deadline, the forwarder's current nonce
 * (an older one is a replay), the member's signature, and a dry run of the call as the member.
 */
export async function submitWallet(
  ctx: AppContext,
  relay: RelayService,
  session: ResolvedSession,
  intent: CheckedIntent,
  body: RelaySubmitBody,
): Promise<RecordedAction | Refusal> {
  const { request, signature } = body;
  const wallet = session.member.address;
  if (!wallet) return refuse('noWallet', 'sign in with your wallet to move a prize it holds');
  if (!request || !signature)
    return refuse('signatureRequired', 'sign the prepared request with your wallet');
  if (body.chainId !== undefined && body.chainId !== ctx.chain.chainId)
    return refuse('wrongChain', `this lounge runs on chain ${ctx.chain.chainId}`);
  if (!isAddressEqual(request.from as Address, wallet as Address))
    return refuse('notYourToken', 'the request moves a prize from another wallet');
  const expected = prizeCallData(callOf(intent, wallet as Address, relay));
  const call = decodePrizeCall(request.data as Hex);
  if (
    !call ||
    request.data.toLowerCase() !== expected.toLowerCase() ||
    !isAddressEqual(request.to as Address, ctx.chain.contracts.Prizes as Address) ||
    request.value !== '0' ||
    BigInt(request.gas) > 1_000_000n
  )
    return refuse('invalidRelay', 'the request is not the prepared call');
  const nowSeconds = Math.floor(ctx.clock.now() / 1000);
  const deadline = Number(request.deadline);
  if (deadline <= nowSeconds) return refuse('expired', 'the request expired: prepare it again');
  if (deadline > nowSeconds + MAX_DEADLINE_SECONDS)
    return refuse('invalidRelay', 'the deadline is too far away');
  const domain = forwarderDomain(ctx.chain.chainId, relay.forwarder);
  const signer = await signerOf(domain, request, signature as Hex);
  if (!signer || !isAddressEqual(signer, wallet as Address))
    return refuse('badSignature', 'the signature is not your wallet’s over this request on this chain');
  const current = await forwarderNonce(ctx.chain.publicClient, relay.forwarder, wallet as Address);
  const nonce = BigInt(request.nonce);
  if (nonce < current) return refuse('replay', 'this request was already used');
  if (nonce > current)
    return refuse('wrongNonce', 'the request’s nonce is not the next one: prepare it again');
  try {
    await ctx.chain.publicClient.call({
      account: wallet as Address,
      to: ctx.chain.contracts.Prizes as Address,
      data: request.data as Hex,
    });
  } catch (error) {
    const code = refusalOf(error);
    if (!code) throw error;
    return refuse(code as Refusal['code'], 'the chain refuses this call');
  }
  return recordAction(ctx, session.member.id, {
    kind: intent.kind,
    place: 'wallet',
    prize: intent.prize,
    amount: intent.amount,
    fromAddress: wallet,
    toAddress: intent.to ?? null,
    link: intent.link ? 'escrow' : undefined,
    request,
    signature,
    forwardNonce: Number(nonce),
    status: 'queued',
  });
}
