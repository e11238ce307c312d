import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { pointsEntries, pointsMovements } from '../db/points-schema.ts';
import { BRAND_ACCOUNT, balanceOf, lockMember, memberAccount, postMovement } from './ledger.ts';

/** A manual adjustment as the console asks for it (already validated by AdjustmentBody). */
export interface ConsoleAdjustment {
  memberId: string;
  amount: number;
  note: string;
  adjustmentId: string;
  /** The operator (`member:<id>` or their wallet), kept on the movement. */
  createdBy: string;
  at: Date;
}

/** Why an adjustment was not posted: the member is unknown, a debit would go below 0, or the id was used otherwise. */
export type AdjustmentRefusal = 'memberNotFound' | 'adjustmentBelowZero' | 'adjustmentConflict';

export type AdjustmentResult =
  | { ok: true; posted: boolean; movementId: number; balance: number }
  | { ok: false; refusal: AdjustmentRefusal; balance?: number };

/** The movement's key: one adjustment id posts once, however often the form sends it. */
export const adjustmentKey = (adjustmentId: string) => `adjust:${adjustmentId}`;

/** What an earlier movement with this key did: the member, their side's amount and the note; undefined if none. */
async function earlierAdjustment(tx: Db, key: string) {
  const [movement] = await tx
    .select({ id: pointsMovements.id, kind: pointsMovements.kind, reason: pointsMovements.reason })
    .from(pointsMovements)
    .where(eq(pointsMovements.key, key));
  if (!movement) return undefined;
  const [entry] = await tx
    .select({ memberId: pointsEntries.accountId, amount: pointsEntries.amount })
    .from(pointsEntries)
    .where(and(eq(pointsEntries.movementId, movement.id), eq(pointsEntries.accountKind, 'member')));
  return { id: movement.id, kind: movement.kind, note: movement.reason.params?.note, ...entry };
}

/**
 * Credits (amount > 0) or debits (amount < 0) a member against the brand's account, with the operator and the note
 * kept, in one transaction holding the member's lock. A debit may not take the balance below 0. The same
 * adjustment id again answers the first posting (`posted: false`) rather than adjusting twice; the same id with
 * another member, amount or note is a conflict.
 */
export async function postAdjustment(db: Db, input: ConsoleAdjustment): Promise<AdjustmentResult> {
  const key = adjustmentKey(input.adjustmentId);
  return db.transaction(async (tx) => {
    // False when no member row is there (never was, or erased): nothing is posted to them.
    if (!(await lockMember(tx, input.memberId))) return { ok: false, refusal: 'memberNotFound' } as const;
    const account = memberAccount(input.memberId);
    const earlier = await earlierAdjustment(tx, key);
    if (earlier) {
      const same =
        earlier.kind === 'adjustment' &&
        earlier.memberId === input.memberId &&
        earlier.amount === input.amount &&
        earlier.note === input.note;
      if (!same) return { ok: false, refusal: 'adjustmentConflict' } as const;
      return {
        ok: true,
        posted: false,
        movementId: earlier.id,
        balance: await balanceOf(tx, account),
      } as const;
    }
    const before = await balanceOf(tx, account);
    if (before + input.amount < 0)
      return { ok: false, refusal: 'adjustmentBelowZero', balance: before } as const;
    const { posted, movementId } = await postMovement(tx, {
      key,
      kind: 'adjustment',
      reason: { code: 'adjustment', params: { note: input.note } },
      at: input.at,
      entries: [
        { account, amount: input.amount },
        { account: BRAND_ACCOUNT, amount: -input.amount },
      ],
      source: 'console',
      createdBy: input.createdBy,
    });
    return { ok: true, posted, movementId, balance: before + input.amount } as const;
  });
}
