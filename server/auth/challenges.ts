import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { authChallenges } from '../db/schema.ts';

/** What a sign-in in progress keeps on the server between two requests (see the `auth_challenges` table). */
export type ChallengeKind = 'webauthnRegister' | 'webauthnLogin' | 'oidc' | 'merge';

/**
 * Uses a challenge up, atomically: one update that only a live row (right kind, unexpired, unused, and the given
 * member's when `memberId` is set) passes. Undefined otherwise. Whatever the caller then finds, the challenge never
 * works again: a replay needs a new ceremony.
 */
export async function takeChallenge(
  db: Db,
  kind: ChallengeKind,
  id: string,
  now: Date,
  memberId?: string,
): Promise<{ memberId: string | null; data: Record<string, unknown> } | undefined> {
  const [row] = await db
    .update(authChallenges)
    .set({ consumedAt: now })
    .where(
      and(
        eq(authChallenges.id, id),
        eq(authChallenges.kind, kind),
        isNull(authChallenges.consumedAt),
        gt(authChallenges.expiresAt, now),
        memberId === undefined ? undefined : eq(authChallenges.memberId, memberId),
      ),
    )
    .returning({ memberId: authChallenges.memberId, data: authChallenges.data });
  return row;
}
