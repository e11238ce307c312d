import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from './open.ts';
import { members, outbox } from './schema.ts';

export type MemberRecord = typeof members.$inferSelect;

/** Creates a member record; a guest has no address. */
export async function createMember(
  db: Db,
  input: { displayName: string; address?: string | null },
): Promise<MemberRecord> {
  const [row] = await db
    .insert(members)
    .values({
      id: randomUUID(),
      displayName: input.displayName,
      address: input.address?.toLowerCase() ?? null,
    })
    .returning();
  if (!row) throw new Error('Layover: member insert returned no row');
  return row;
}

export async function findMember(db: Db, id: string): Promise<MemberRecord | undefined> {
  const [row] = await db.select().from(members).where(eq(members.id, id)).limit(1);
  return row;
}

/** The member holding a wallet address (stored lowercased), if any. */
export async function findMemberByAddress(db: Db, address: string): Promise<MemberRecord | undefined> {
  const [row] = await db.select().from(members).where(eq(members.address, address.toLowerCase())).limit(1);
  return row;
}

/** Gives a member without an address this one and releases their held rewards to it; undefined when they already have one or the address is taken. */
export async function linkMemberAddress(
  db: Db,
  memberId: string,
  address: string,
): Promise<MemberRecord | undefined> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(members)
        .set({ address: address.toLowerCase() })
        .where(and(eq(members.id, memberId), isNull(members.address)))
        .returning();
      // Rewards held for the guest now have a wallet to go to: the oracle mints them next.
      if (row)
        await tx
          .update(outbox)
          .set({ status: 'queued', recipient: row.address, holdExpiresAt: null, updatedAt: new Date() })
          .where(and(eq(outbox.memberId, memberId), eq(outbox.status, 'held')));
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}

/** The member holding an address, created with `displayName` when there is none (safe under concurrent sign-ins). */
export async function findOrCreateMemberByAddress(
  db: Db,
  address: string,
  displayName: string,
): Promise<MemberRecord> {
  const [row] = await db
    .insert(members)
    .values({ id: randomUUID(), displayName, address: address.toLowerCase() })
    .onConflictDoNothing({ target: members.address })
    .returning();
  const member = row ?? (await findMemberByAddress(db, address));
  if (!member) throw new Error('Layover: member for address vanished during sign-in');
  return member;
}

/** PostgreSQL's unique_violation, however deep a driver wrapped it. */
function isUniqueViolation(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  if ('code' in error && error.code === '23505') return true;
  return 'cause' in error && isUniqueViolation(error.cause, depth + 1);
}
