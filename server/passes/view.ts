import { and, asc, eq, inArray } from 'drizzle-orm';
import type { MemberPassView, PassPlace } from '../../shared/protocol/passes.ts';
import type { Db } from '../db/open.ts';
import { memberPasses, passGrants } from '../db/passes-schema.ts';
import { type OutboxStatus, outbox } from '../db/schema.ts';

const PLACES: Record<OutboxStatus, PassPlace> = {
  held: 'held',
  queued: 'minting',
  sent: 'minting',
  mined: 'minting',
  delivered: 'wallet',
  failed: 'failed',
};

/** The member's pass as the passport shows it (tier, tier on chain, where the token is, why), or null. */
export async function memberPassView(db: Db, memberId: string): Promise<MemberPassView | null> {
  const [pass] = await db.select().from(memberPasses).where(eq(memberPasses.memberId, memberId));
  if (!pass) return null;
  const [mint] = await db.select().from(outbox).where(eq(outbox.id, pass.mintOutboxId));
  const changes = await db
    .select({ itemId: outbox.itemId })
    .from(outbox)
    .where(and(eq(outbox.memberId, memberId), eq(outbox.kind, 'tier'), inArray(outbox.status, ['delivered'])))
    .orderBy(asc(outbox.id));
  const grants = await db
    .select()
    .from(passGrants)
    .where(eq(passGrants.memberId, memberId))
    .orderBy(asc(passGrants.id));
  const place = mint ? PLACES[mint.status] : 'failed';
  const lastChange = changes.at(-1)?.itemId.split(':')[1];
  const chainTier = place === 'wallet' ? Number(lastChange ?? mint?.itemId) : null;
  return {
    tier: pass.tier,
    chainTier,
    place,
    tokenId: pass.tokenId,
    grants: grants.map((grant) => ({
      ruleId: grant.ruleId,
      source: grant.source,
      tier: grant.tier,
      at: grant.at.getTime(),
    })),
  };
}
