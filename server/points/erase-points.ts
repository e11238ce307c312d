import { randomUUID } from 'node:crypto';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { partnerActivities, pointsEntries, pointsMovements } from '../db/points-schema.ts';
import { lockMember } from './ledger.ts';

/** Movement kinds whose reason may hold words about the person (a staff note, a partner's description). */
const WORDY_KINDS = ['adjustment', 'partner', 'partnerReversal'] as const;

/**
 * Unlinks an erased member's points from them inside the erasure's transaction: their entries move to a fresh
 * `erased` account (the one in-place change the books allow: amounts and movements stay, so every movement still
 * sums to 0), keys and `created_by` that embed their id take the new id, notes and partner descriptions in those
 * movements' reasons are dropped, and partners' activities for them lose how the partner named them. Returns the
 * erased account's id.
 */
export async function erasePoints(tx: Db, memberId: string): Promise<string> {
  // A writer that locked the member before us commits first, so its entries move too; later ones find no member.
  await lockMember(tx, memberId);
  const erasedId = randomUUID();
  const touched = await tx
    .selectDistinct({ id: pointsEntries.movementId })
    .from(pointsEntries)
    .where(and(eq(pointsEntries.accountKind, 'member'), eq(pointsEntries.accountId, memberId)));
  const ids = touched.map((row) => row.id);
  const mentions = or(
    sql`position(${memberId} in ${pointsMovements.key}) > 0`,
    sql`position(${memberId} in coalesce(${pointsMovements.createdBy}, '')) > 0`,
    ...(ids.length > 0 ? [inArray(pointsMovements.id, ids)] : []),
  );
  await tx
    .update(pointsMovements)
    .set({
      key: sql`replace(${pointsMovements.key}, ${memberId}, ${erasedId})`,
      createdBy: sql`replace(${pointsMovements.createdBy}, ${memberId}, ${erasedId})`,
    })
    .where(mentions);
  if (ids.length > 0)
    await tx
      .update(pointsMovements)
      .set({ reason: sql`jsonb_build_object('code', ${pointsMovements.reason}->>'code')` })
      .where(and(inArray(pointsMovements.id, ids), inArray(pointsMovements.kind, [...WORDY_KINDS])));
  await tx
    .update(pointsEntries)
    .set({ accountKind: 'erased', accountId: erasedId })
    .where(and(eq(pointsEntries.accountKind, 'member'), eq(pointsEntries.accountId, memberId)));
  // member_id itself goes null when the member's row is deleted (ON DELETE SET NULL).
  await tx
    .update(partnerActivities)
    .set({ memberRef: {}, payload: {}, description: '' })
    .where(eq(partnerActivities.memberId, memberId));
  return erasedId;
}
