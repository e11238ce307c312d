import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import {
  type PointsAccountKind,
  type PointsMovementKind,
  type PointsReason,
  pointsEntries,
  pointsMovements,
} from '../db/points-schema.ts';
import { members } from '../db/schema.ts';
import { checkMovement } from './movement-check.ts';

export type { PointsAccountKind, PointsMovementKind, PointsReason } from '../db/points-schema.ts';
export { checkMovement } from './movement-check.ts';

/** Whose points: a member, the brand, a partner, or one of the books' own accounts (expiry, catalogue, erased). */
export type PointsAccount = { kind: PointsAccountKind; id: string };

/** The brand issues points: its account goes as far below zero as members hold. */
export const BRAND_ACCOUNT: PointsAccount = { kind: 'brand', id: 'brand' };
/** Where expired points go. */
export const EXPIRY_ACCOUNT: PointsAccount = { kind: 'expiry', id: 'expiry' };
/** Where points spent in the catalogue go. */
export const CATALOGUE_ACCOUNT: PointsAccount = { kind: 'catalogue', id: 'catalogue' };

/** A member's account, by id. */
export const memberAccount = (memberId: string): PointsAccount => ({ kind: 'member', id: memberId });

export interface PostMovementInput {
  /** Idempotency key, unique forever: `quest:<eventId>:<questId>`, `partner:<activityId>`, `purchase:<id>`... */
  key: string;
  kind: PointsMovementKind;
  reason: PointsReason;
  at: Date;
  /** Non-zero integer amounts summing to 0, two or more. */
  entries: { account: PointsAccount; amount: number }[];
  partnerId?: string | undefined;
  source?: string | undefined;
  createdBy?: string | undefined;
}

/** Posts once per key inside the caller's transaction; `posted: false` when the key was already there. */
export async function postMovement(
  tx: Db,
  input: PostMovementInput,
): Promise<{ posted: boolean; movementId: number }> {
  checkMovement(input.key, input.entries);
  const inserted = await tx
    .insert(pointsMovements)
    .values({
      key: input.key,
      kind: input.kind,
      reason: input.reason,
      at: input.at,
      partnerId: input.partnerId ?? null,
      source: input.source ?? '',
      createdBy: input.createdBy ?? null,
    })
    .onConflictDoNothing({ target: pointsMovements.key })
    .returning({ id: pointsMovements.id });
  const [row] = inserted;
  if (!row) {
    const [existing] = await tx
      .select({ id: pointsMovements.id })
      .from(pointsMovements)
      .where(eq(pointsMovements.key, input.key));
    if (!existing) throw new Error(`Points: movement ${input.key} was neither posted nor found`);
    return { posted: false, movementId: existing.id };
  }
  await tx.insert(pointsEntries).values(
    input.entries.map((entry) => ({
      movementId: row.id,
      accountKind: entry.account.kind,
      accountId: entry.account.id,
      amount: entry.amount,
      at: input.at,
    })),
  );
  return { posted: true, movementId: row.id };
}

/** An account's balance: the sum of its entries. */
export async function balanceOf(db: Db, account: PointsAccount): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${pointsEntries.amount}), 0)`.mapWith(Number) })
    .from(pointsEntries)
    .where(and(eq(pointsEntries.accountKind, account.kind), eq(pointsEntries.accountId, account.id)));
  return row?.total ?? 0;
}

/**
 * Locks the member row (SELECT ... FOR UPDATE) so one writer changes a member's points at a time; answers whether the
 * member is there (false once erased or merged away: post nothing to them then).
 */
export async function lockMember(tx: Db, memberId: string): Promise<boolean> {
  const locked = await tx
    .select({ id: members.id })
    .from(members)
    .where(eq(members.id, memberId))
    .for('update');
  return locked.length > 0;
}

/** One line of a member's history: a movement and what it did to the member's balance. */
export interface MemberHistoryLine {
  id: number;
  at: Date;
  kind: PointsMovementKind;
  reason: PointsReason;
  amount: number;
  source: string;
  partnerId: string | null;
}

/** The member's movements, newest first, `amount` being the member's side; page with `beforeId` (a movement id). */
export async function memberHistory(
  db: Db,
  memberId: string,
  opts: { limit?: number; beforeId?: number } = {},
): Promise<MemberHistoryLine[]> {
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 50), 1), 500);
  const mine = and(eq(pointsEntries.accountKind, 'member'), eq(pointsEntries.accountId, memberId));
  return db
    .select({
      id: pointsMovements.id,
      at: pointsMovements.at,
      kind: pointsMovements.kind,
      reason: pointsMovements.reason,
      amount: sql<string>`sum(${pointsEntries.amount})`.mapWith(Number),
      source: pointsMovements.source,
      partnerId: pointsMovements.partnerId,
    })
    .from(pointsEntries)
    .innerJoin(pointsMovements, eq(pointsMovements.id, pointsEntries.movementId))
    .where(opts.beforeId === undefined ? mine : and(mine, lt(pointsMovements.id, opts.beforeId)))
    .groupBy(pointsMovements.id)
    .orderBy(desc(pointsMovements.id))
    .limit(limit);
}

/** The balance of every account kind together (all members, all partners...): the whole book sums to 0. */
export async function accountTotals(db: Db): Promise<Record<PointsAccountKind, number>> {
  const rows = await db
    .select({
      kind: pointsEntries.accountKind,
      total: sql<string>`sum(${pointsEntries.amount})`.mapWith(Number),
    })
    .from(pointsEntries)
    .groupBy(pointsEntries.accountKind);
  const totals: Record<PointsAccountKind, number> = {
    member: 0,
    brand: 0,
    partner: 0,
    expiry: 0,
    catalogue: 0,
    erased: 0,
  };
  for (const row of rows) totals[row.kind] = row.total;
  return totals;
}
