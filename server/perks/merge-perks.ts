import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { perkRedemptions, perks } from '../db/perks-schema.ts';

/** A guest's perks (and the redemptions that issued them) follow the guest into the member they merge into. */
export async function movePerks(tx: Db, fromMemberId: string, intoMemberId: string): Promise<void> {
  await tx
    .update(perkRedemptions)
    .set({ memberId: intoMemberId })
    .where(eq(perkRedemptions.memberId, fromMemberId));
  await tx.update(perks).set({ memberId: intoMemberId }).where(eq(perks.memberId, fromMemberId));
}
