import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './open.ts';
import { members } from './schema.ts';

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
