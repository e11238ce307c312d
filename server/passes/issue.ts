import { and, eq, sql } from 'drizzle-orm';
import type { PassRule } from '../../shared/content/pass-rules.ts';
import type { Db } from '../db/open.ts';
import { memberPasses, passGrants } from '../db/passes-schema.ts';
import { accountAudit, outbox } from '../db/schema.ts';

/** Who applied a rule: the sweep (status, partner) or a staff member from the console, with their note. */
export type GrantActor = { by: 'system' } | { by: 'staff'; staffId: string; note: string };

/** What applying a rule did: nothing (applied before), recorded only (a tier as high held), a mint, or an upgrade. */
export type GrantOutcome = 'alreadyApplied' | 'recorded' | 'minting' | 'upgrading' | 'memberNotFound';

/**
 * Applies one pass rule to one member, once (pass_grants' unique member+rule), in one transaction with the member
 * row locked (a wallet linked meanwhile waits): the first rule queues the member's one LoungePass mint (held without
 * a wallet, like prizes); a later rule of a higher tier raises the pass's tier: a pass still held is re-tiered in
 * place, a minted one gets its `setTier` queued by `queueTierChanges` once its token id is known.
 */
export async function applyPassRule(
  db: Db,
  memberId: string,
  rule: PassRule,
  actor: GrantActor,
  now: Date,
): Promise<GrantOutcome> {
  return db.transaction(async (tx) => {
    const locked = (await tx.execute(
      sql`SELECT id, address FROM members WHERE id = ${memberId} FOR UPDATE`,
    )) as { rows: { id: string; address: string | null }[] };
    const member = locked.rows[0];
    if (!member) return 'memberNotFound';
    const [grant] = await tx
      .insert(passGrants)
      .values({ memberId, ruleId: rule.id, source: rule.when, tier: rule.tier, at: now })
      .onConflictDoNothing()
      .returning({ id: passGrants.id });
    if (!grant) return 'alreadyApplied';
    if (actor.by === 'staff')
      await tx.insert(accountAudit).values({
        at: now,
        actorMemberId: actor.staffId,
        action: 'passGranted',
        memberId,
        detail: { ruleId: rule.id, tier: rule.tier, note: actor.note },
      });
    const [pass] = await tx.select().from(memberPasses).where(eq(memberPasses.memberId, memberId));
    if (!pass) {
      const [row] = await tx
        .insert(outbox)
        .values({
          kind: 'pass',
          memberId,
          itemId: String(rule.tier),
          eventId: `pass:${memberId}`,
          source: `pass:${rule.id}`,
          status: member.address ? 'queued' : 'held',
          recipient: member.address,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: outbox.id });
      if (!row) throw new Error('Layover: pass outbox insert returned nothing');
      await tx.insert(memberPasses).values({
        memberId,
        tier: rule.tier,
        chainTier: rule.tier,
        mintOutboxId: row.id,
        createdAt: now,
        updatedAt: now,
      });
      await tx.update(passGrants).set({ outboxId: row.id }).where(eq(passGrants.id, grant.id));
      return 'minting';
    }
    if (pass.tier >= rule.tier) return 'recorded';
    // Not sent yet (no wallet): the mint itself carries the new tier. Otherwise the chain gets a setTier later.
    const [retiered] = await tx
      .update(outbox)
      .set({ itemId: String(rule.tier), updatedAt: now })
      .where(and(eq(outbox.id, pass.mintOutboxId), eq(outbox.status, 'held')))
      .returning({ id: outbox.id });
    await tx
      .update(memberPasses)
      .set({ tier: rule.tier, ...(retiered ? { chainTier: rule.tier } : {}), updatedAt: now })
      .where(eq(memberPasses.memberId, memberId));
    if (retiered)
      await tx.update(passGrants).set({ outboxId: retiered.id }).where(eq(passGrants.id, grant.id));
    return 'upgrading';
  });
}
