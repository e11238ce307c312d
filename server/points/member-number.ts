import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { memberNumbers } from '../db/points-schema.ts';

/** A fresh member number: `LO` and 10 random digits (what a member reads out at a partner's desk). */
export function newMemberNumber(): string {
  let digits = '';
  for (let i = 0; i < 10; i += 1) digits += String(randomInt(10));
  return `LO${digits}`;
}

/**
 * The member's number for partner desks, made the first time it is asked for and the same ever after; unique
 * (a number already taken is drawn again), and safe when two requests make it at once (both read the winner's).
 */
export async function memberNumberOf(db: Db, memberId: string): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const [existing] = await db
      .select({ number: memberNumbers.number })
      .from(memberNumbers)
      .where(eq(memberNumbers.memberId, memberId));
    if (existing) return existing.number;
    await db.insert(memberNumbers).values({ memberId, number: newMemberNumber() }).onConflictDoNothing();
  }
  throw new Error(`Layover: could not give member ${memberId} a member number`);
}
