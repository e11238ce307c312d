import { and, eq, sql } from 'drizzle-orm';
import { type Address, encodeFunctionData, type Hex } from 'viem';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import type { ForwardRequestMessage } from '../../shared/protocol/relay.ts';
import type { ResolvedSession } from '../auth/sessions.ts';
import { INNER_GAS, prizeCallData } from '../chain/relay/forward.ts';
import { refusalOf } from '../chain/relay/relayer.ts';
import type { RelayService } from '../chain/relay/service.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { relayClaimLinks, relayedActions } from '../db/relay-schema.ts';
import { outbox } from '../db/schema.ts';
import { fulfilRedemption } from '../perks/fulfil.ts';
import { signedInRecently } from './guards.ts';
import { custodyRows, heldRows } from './holdings.ts';
import { type CheckedIntent, callOf, type Refusal, refuse } from './intent.ts';
import { type RecordedAction, recordAction } from './record.ts';

/**
 * The server acts for a member whose prize sits in the brand's custody or unminted in the ledger, after a fresh
 * sign-in. Custody: the custody key signs the request when the relayer sends it, and the ledger keeps which member
 * asked (the chain only sees the custody address). Held: a redemption is fulfilled in the ledger at once; a gift to
 * an address is minted there by the oracle; a claim link keeps the row for the friend.
 */
export async function actForMember(
  ctx: AppContext,
  relay: RelayService,
  session: ResolvedSession,
  intent: CheckedIntent,
): Promise<RecordedAction | Refusal> {
  if (!(await signedInRecently(ctx, session)))
    return refuse('reauthRequired', 'sign in again to confirm: this moves a prize held for you');
  const memberId = session.member.id;
  const db = ctx.ledger.db;
  const rows =
    intent.where === 'custody'
      ? await custodyRows(db, memberId, intent.prize.id)
      : await heldRows(db, memberId, intent.prize.id);
  const row = rows[0];
  if (!row) return refuse('notHeld', `no ${intent.prize.id} held for you`);
  if (intent.to) {
    const refused = await receiverCheck(ctx, relay, intent, row.custody);
    if (refused) return refused;
  }
  const custody = intent.where === 'custody' ? (relay.custody?.address as Address) : undefined;
  const onChain = custody !== undefined && !intent.link;
  const request: ForwardRequestMessage | null = onChain
    ? {
        from: custody,
        to: ctx.chain.contracts.Prizes as Address,
        value: '0',
        gas: INNER_GAS.toString(),
        nonce: '0',
        deadline: '0',
        data: prizeCallData(callOf(intent, custody, relay)),
      }
    : null;
  const recorded = await recordAction(ctx, memberId, {
    kind: intent.kind,
    place: intent.where,
    prize: intent.prize,
    amount: 1,
    fromAddress: custody ?? null,
    toAddress: intent.to ?? null,
    link: intent.link ? (intent.where === 'custody' ? 'custody' : 'held') : undefined,
    outboxId: row.id,
    request,
    status: onChain ? 'queued' : 'confirmed',
    moves: async (tx, ids) => {
      const moved = await moveRow(tx, row.id, intent);
      if (!moved) return refuse('notHeld', 'that prize just moved: try again');
      if (ids.claimLinkId !== null)
        await tx
          .update(relayClaimLinks)
          .set({ outboxId: row.id })
          .where(eq(relayClaimLinks.id, ids.claimLinkId));
      if (intent.kind === 'redeem' && intent.where === 'held') {
        const fulfilled = await fulfilRedemption(
          ctx,
          { memberId, prizeId: intent.prize.id, amount: 1, key: `relay:${ids.actionId}` },
          { db: tx },
        );
        if (!fulfilled.ok) return refuse('invalidRelay', `no perk: ${fulfilled.refusal}`);
      }
      await tx.update(relayedActions).set({ outboxId: row.id }).where(eq(relayedActions.id, ids.actionId));
      return undefined;
    },
  });
  if (recorded.ok && intent.where === 'held' && intent.to) ctx.oracle?.wake();
  return recorded;
}

/**
 * The ledger's move of one row, compare-and-set on where it stands (a wallet linked at the same moment wins once):
 * consumed (delivered to no wallet) for a redemption or a claim link, the gift's address for a gift.
 */
async function moveRow(tx: Db, id: number, intent: CheckedIntent): Promise<boolean> {
  const now = new Date();
  const where =
    intent.where === 'custody'
      ? and(eq(outbox.id, id), eq(outbox.status, 'delivered'), sql`${outbox.recipient} = ${outbox.custody}`)
      : and(eq(outbox.id, id), eq(outbox.status, 'held'));
  const set =
    intent.where === 'held' && intent.to
      ? { status: 'queued' as const, recipient: intent.to, holdExpiresAt: null, updatedAt: now }
      : intent.where === 'held'
        ? {
            status: 'delivered' as const,
            recipient: null,
            holdExpiresAt: null,
            deliveredAt: now,
            updatedAt: now,
          }
        : { recipient: intent.to ?? null, updatedAt: now };
  const moved = await tx.update(outbox).set(set).where(where).returning({ id: outbox.id });
  return moved.length === 1;
}

/** A gift to a contract that refuses ERC-1155 is refused before anything moves (a dry run of the transfer or mint). */
async function receiverCheck(
  ctx: AppContext,
  relay: RelayService,
  intent: CheckedIntent,
  custody: string | null,
): Promise<Refusal | undefined> {
  const minter = relay.custody?.address;
  if (!intent.to || !minter) return undefined;
  const data: Hex =
    intent.where === 'custody' && custody
      ? prizeCallData(callOf(intent, custody as Address, relay))
      : encodeFunctionData({
          abi: prizesAbi,
          functionName: 'mintPrize',
          args: [intent.to, BigInt(intent.prize.tokenId), `0x${'ff'.repeat(32)}`],
        });
  try {
    await ctx.chain.publicClient.call({ account: minter, to: ctx.chain.contracts.Prizes as Address, data });
  } catch (error) {
    const code = refusalOf(error);
    if (!code) throw error;
    if (code === 'receiverRefuses') return refuse('receiverRefuses', 'that address does not accept prizes');
  }
  return undefined;
}
