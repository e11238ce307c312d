import { and, eq } from 'drizzle-orm';
import type { Address } from 'viem';
import type { RelayClaimView } from '../../shared/protocol/relay.ts';
import type { ResolvedSession } from '../auth/sessions.ts';
import { INNER_GAS, prizeCallData } from '../chain/relay/forward.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { relayClaimLinks } from '../db/relay-schema.ts';
import { outbox } from '../db/schema.ts';
import { type Refusal, refuse } from './intent.ts';
import { claimTokenHash, type RecordedAction, recordAction } from './record.ts';

type ClaimLink = typeof relayClaimLinks.$inferSelect;

async function linkOf(db: Db, token: string): Promise<ClaimLink | undefined> {
  const [link] = await db
    .select()
    .from(relayClaimLinks)
    .where(eq(relayClaimLinks.tokenHash, claimTokenHash(token)));
  return link;
}

/** What a claim link gives and whether it can still be claimed; never who sent it. */
export async function viewClaim(ctx: AppContext, token: string): Promise<RelayClaimView | undefined> {
  const link = await linkOf(ctx.ledger.db, token);
  return link ? { prizeId: link.prizeId, amount: link.amount, state: link.state } : undefined;
}

/**
 * Claims a gift link into the signed-in member's own account, once: a held prize becomes theirs in the ledger (minted
 * to their wallet if they have one), a custody prize is reassigned (the oracle moves it to their wallet if any), and
 * a gift in escrow is transferred to their wallet by the custody key through the forwarder, or kept in custody for them.
 */
export async function claimGift(
  ctx: AppContext,
  session: ResolvedSession,
  token: string,
): Promise<RecordedAction | Refusal> {
  const relay = ctx.relay;
  if (!relay) return refuse('relayFailed', 'this lounge has no relayer');
  const found = await linkOf(ctx.ledger.db, token);
  if (!found) return refuse('claimNotFound', 'no gift behind this link');
  if (found.gifterId === session.member.id) return refuse('claimOwn', 'this is your own gift link');
  if (found.state === 'claimed') return refuse('claimUsed', 'this gift was already claimed');
  if (found.state === 'pending')
    return refuse('claimNotFound', 'this gift is still on its way: try again soon');
  const prize = ctx.content.current().prize(found.prizeId);
  if (!prize) return refuse('unknownPrize', `no prize ${found.prizeId}`);
  const member = session.member;
  const escrow = relay.custody?.address as Address | undefined;
  if (found.place === 'escrow' && !escrow) return refuse('custodyUnavailable', 'the escrow key is not here');
  const toWallet = found.place === 'escrow' && member.address !== null;
  const recorded = await recordAction(ctx, member.id, {
    kind: 'claim',
    place: found.place === 'held' ? 'held' : 'custody',
    prize,
    amount: found.amount,
    fromAddress: found.place === 'held' ? null : (escrow ?? null),
    toAddress: member.address,
    claimLinkId: found.id,
    outboxId: found.outboxId,
    request: toWallet
      ? {
          from: escrow as Address,
          to: ctx.chain.contracts.Prizes as Address,
          value: '0',
          gas: INNER_GAS.toString(),
          nonce: '0',
          deadline: '0',
          data: prizeCallData({
            kind: 'gift',
            from: escrow as Address,
            to: member.address as Address,
            tokenId: BigInt(prize.tokenId),
            amount: BigInt(found.amount),
          }),
        }
      : null,
    status: toWallet ? 'queued' : 'confirmed',
    moves: async (tx) => {
      const [taken] = await tx
        .update(relayClaimLinks)
        .set({ state: 'claimed', claimedBy: member.id, claimedAt: new Date(ctx.clock.now()) })
        .where(and(eq(relayClaimLinks.id, found.id), eq(relayClaimLinks.state, 'open')))
        .returning();
      if (!taken) return refuse('claimUsed', 'this gift was already claimed');
      await giveRow(tx, found, member, escrow);
      return undefined;
    },
  });
  if (recorded.ok) ctx.oracle?.wake();
  return recorded;
}

/** The ledger's side of a claim: the gift's outbox row (or new custody rows for an escrowed gift) becomes the friend's. */
async function giveRow(
  tx: Db,
  link: ClaimLink,
  member: { id: string; address: string | null },
  escrow: Address | undefined,
): Promise<void> {
  const now = new Date();
  if (link.place === 'held' && link.outboxId !== null)
    await tx
      .update(outbox)
      .set(
        member.address
          ? { memberId: member.id, status: 'queued', recipient: member.address, updatedAt: now }
          : { memberId: member.id, status: 'held', recipient: null, custody: null, updatedAt: now },
      )
      .where(eq(outbox.id, link.outboxId));
  if (link.place === 'custody' && link.outboxId !== null) {
    const [row] = await tx.select().from(outbox).where(eq(outbox.id, link.outboxId));
    await tx
      .update(outbox)
      .set({ memberId: member.id, recipient: row?.custody ?? null, updatedAt: now })
      .where(eq(outbox.id, link.outboxId));
  }
  if (link.place === 'escrow' && !member.address && escrow) {
    const custody = escrow.toLowerCase();
    for (let unit = 0; unit < link.amount; unit++)
      await tx.insert(outbox).values({
        kind: 'prize',
        memberId: member.id,
        itemId: link.prizeId,
        eventId: `relay-claim:${link.id}:${unit}`,
        source: 'gift',
        status: 'delivered',
        recipient: custody,
        custody,
        deliveredAt: now,
      });
  }
}
