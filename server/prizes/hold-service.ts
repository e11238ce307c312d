import type { DeliveryUpdate } from '../../shared/protocol/quests.ts';
import { onCredentialAdded } from '../auth/credential-sign-in.ts';
import type { AppContext } from '../context.ts';
import { publishToMember } from '../members/member-channel.ts';
import { claimIdFor, claimPrefix, deliveryState } from './claims.ts';
import { shownRecipient } from './custody.ts';
import { type OutboxRow, releaseIdentityHolds, startHoldSweeper } from './eligibility.ts';

let hookRegistered = false;

/**
 * The prize holds of PRIZE_REQUIRES at run time, started once per process by the server: a member who gains a
 * credential or a wallet gets their identity holds released (through the sign-in core's `onCredentialAdded`), and
 * holds nobody kept go back to their prize's supply (swept every `intervalMs` on the context's clock), each member
 * told with a `delivery` update (the prize shows as failed). Returns the stop function.
 */
export function startPrizeHoldService(ctx: AppContext, options: { intervalMs?: number } = {}): () => void {
  if (!hookRegistered) {
    hookRegistered = true;
    onCredentialAdded(async (hookCtx, memberId) => {
      const released = await releaseIdentityHolds(hookCtx, memberId);
      await tellMembers(hookCtx, released);
    });
  }
  return startHoldSweeper(ctx, {
    ...options,
    onExpired: (rows) =>
      void tellMembers(ctx, rows).catch((err: unknown) =>
        ctx.logger.warn({ err }, 'could not tell members their prize holds expired'),
      ),
  });
}

/** A `delivery` update per row, to its member wherever their room lives. */
async function tellMembers(ctx: AppContext, rows: readonly OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  const prefix = await claimPrefix(ctx.ledger.db);
  for (const row of rows) {
    if (row.kind !== 'stamp' && row.kind !== 'prize') continue;
    const payload: DeliveryUpdate = {
      kind: row.kind,
      itemId: row.itemId,
      claimId: claimIdFor(prefix, row.id),
      state: deliveryState(row),
      txHash: row.txHash,
      to: shownRecipient(row),
    };
    publishToMember(ctx, row.memberId, { type: 'delivery', payload });
  }
}
