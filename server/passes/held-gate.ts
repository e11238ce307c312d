import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { memberPasses } from '../db/passes-schema.ts';
import { outbox } from '../db/schema.ts';
import { evaluateGate, type Holdings } from '../domain/gates.ts';

/** Rows not in the member's wallet yet: held for a wallet, on their way, or sitting in the brand's custody. */
const NOT_IN_WALLET = ['held', 'queued', 'sent', 'mined'] as const;

/**
 * Whether what the ledger holds for a member but the chain does not show in their wallet yet (a Gold Pass won
 * without a wallet, a LoungePass waiting for one, a prize in custody) meets a gate: "Web3 loyalty wins only when the
 * member never has to understand crypto". Such a member gets in without a seat (nothing on chain can be lent).
 */
export async function heldRewardsOpen(
  ctx: Pick<AppContext, 'ledger' | 'gates' | 'content'>,
  memberId: string,
  gate: string,
): Promise<boolean> {
  const rule = ctx.gates.rules.get(gate);
  if (!rule) return false;
  const { db } = ctx.ledger;
  const prizeRows = await db
    .select({ itemId: outbox.itemId })
    .from(outbox)
    .where(
      and(
        eq(outbox.memberId, memberId),
        eq(outbox.kind, 'prize'),
        or(
          inArray(outbox.status, [...NOT_IN_WALLET]),
          and(
            eq(outbox.status, 'delivered'),
            isNotNull(outbox.custody),
            eq(outbox.recipient, outbox.custody),
          ),
        ),
      ),
    );
  // Token ids from the published catalogue: a prize published after boot counts towards a gate at once.
  const snapshot = ctx.content.current();
  const balances: Record<string, bigint> = {};
  for (const row of prizeRows) {
    const id = snapshot.prize(row.itemId)?.tokenId.toString();
    if (id) balances[id] = (balances[id] ?? 0n) + 1n;
  }
  const [pass] = await db
    .select({ tier: memberPasses.tier })
    .from(memberPasses)
    .innerJoin(outbox, eq(outbox.id, memberPasses.mintOutboxId))
    .where(and(eq(memberPasses.memberId, memberId), inArray(outbox.status, [...NOT_IN_WALLET])));
  const holdings: Holdings = {
    Prizes: { balances },
    LoungePass: pass ? { tokens: [{ id: 0n, tier: pass.tier }], balance: 1n } : { tokens: [], balance: 0n },
  };
  return evaluateGate(rule, holdings).allowed;
}
