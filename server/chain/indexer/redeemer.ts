import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import { relayedActions } from '../../db/relay-schema.ts';
import { members } from '../../db/schema.ts';

/**
 * The member a PrizeRedeemed belongs to: for the brand's custody address, the member who asked for that relayed
 * redeem (the chain sees only custody; helper C's relayed_actions records who, by tx hash); for any other address,
 * the member holding that wallet. Undefined when nobody in this lounge redeemed it.
 */
export async function redeemerOf(
  db: Db,
  params: { address: string; txHash: string; custodyAddress: string | undefined },
): Promise<string | undefined> {
  const address = params.address.toLowerCase();
  if (params.custodyAddress && address === params.custodyAddress.toLowerCase()) {
    const [action] = await db
      .select({ memberId: relayedActions.memberId })
      .from(relayedActions)
      .where(and(eq(relayedActions.txHash, params.txHash.toLowerCase()), eq(relayedActions.kind, 'redeem')))
      .limit(1);
    return action?.memberId;
  }
  const [member] = await db
    .select({ id: members.id })
    .from(members)
    .where(eq(members.address, address))
    .limit(1);
  return member?.id;
}
