import { createHash, randomBytes } from 'node:crypto';
import type { Prize } from '../../shared/content/prizes.ts';
import type { ForwardRequestMessage } from '../../shared/protocol/relay.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { type RelayedStatus, relayClaimLinks, relayedActions } from '../db/relay-schema.ts';
import { takeDailyAction } from './guards.ts';
import { type Refusal, refuse } from './intent.ts';

export type RelayedRow = typeof relayedActions.$inferSelect;

/** A recorded action, with the claim link's one-time token when it made one (shown to the gifter once). */
export type RecordedAction = { ok: true; row: RelayedRow; claimToken: string | null };

/** The stored form of a claim token: its SHA-256 (the token itself never reaches the ledger). */
export function claimTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** What one action records. `link` makes a claim link waiting at that place; `moves` runs the ledger's part. */
export interface ActionRecord {
  kind: 'redeem' | 'gift' | 'claim';
  place: 'held' | 'custody' | 'wallet';
  prize: Prize;
  amount: number;
  fromAddress: string | null;
  toAddress: string | null;
  link?: 'held' | 'custody' | 'escrow' | undefined;
  outboxId?: number | null;
  claimLinkId?: number | null;
  request?: ForwardRequestMessage | null;
  signature?: string | null;
  forwardNonce?: number | null;
  status: RelayedStatus;
  /** The ledger's part, in the same transaction, after the limit is taken: a refusal undoes it all. */
  moves?: (tx: Db, ids: { actionId: number; claimLinkId: number | null }) => Promise<Refusal | undefined>;
}

class Undo extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.detail);
  }
}

/**
 * Records an action in one transaction, before anything is broadcast: the daily limit taken, the claim link made,
 * the ledger's moves applied. The same signed request twice (member wallet and forwarder nonce) is a `replay`.
 */
export async function recordAction(
  ctx: AppContext,
  memberId: string,
  action: ActionRecord,
): Promise<RecordedAction | Refusal> {
  const claimToken = action.link ? randomBytes(32).toString('base64url') : null;
  try {
    const row = await ctx.ledger.db.transaction(async (tx) => {
      if (!(await takeDailyAction(tx, ctx, memberId)))
        throw new Undo(refuse('dailyLimit', `at most ${ctx.config.relay.dailyLimit} relayed actions a day`));
      let claimLinkId = action.claimLinkId ?? null;
      if (action.link && claimToken) {
        const [link] = await tx
          .insert(relayClaimLinks)
          .values({
            tokenHash: claimTokenHash(claimToken),
            gifterId: memberId,
            prizeId: action.prize.id,
            tokenId: action.prize.tokenId,
            amount: action.amount,
            place: action.link,
            outboxId: action.outboxId ?? null,
            state: action.link === 'escrow' ? 'pending' : 'open',
          })
          .returning({ id: relayClaimLinks.id });
        claimLinkId = link?.id ?? null;
      }
      const [inserted] = await tx
        .insert(relayedActions)
        .values({
          memberId,
          kind: action.kind,
          place: action.place,
          prizeId: action.prize.id,
          tokenId: action.prize.tokenId,
          amount: action.amount,
          fromAddress: action.fromAddress,
          toAddress: action.toAddress,
          claimLinkId,
          outboxId: action.outboxId ?? null,
          request: action.request ?? null,
          signature: action.signature ?? null,
          forwardNonce: action.forwardNonce ?? null,
          status: action.status,
        })
        .returning();
      if (!inserted) throw new Error('Layover: relayed action insert returned nothing');
      const refused = await action.moves?.(tx, { actionId: inserted.id, claimLinkId });
      if (refused) throw new Undo(refused);
      return inserted;
    });
    ctx.relay?.wake();
    return { ok: true, row, claimToken };
  } catch (error) {
    if (error instanceof Undo) return error.refusal;
    if (isUniqueViolation(error)) return refuse('replay', 'this signed request was already recorded');
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (
    let cause = error as { code?: string; cause?: unknown } | undefined;
    cause;
    cause = cause.cause as never
  )
    if (cause.code === '23505') return true;
  return /duplicate key|unique constraint/i.test(String(error));
}
