import { randomBytes } from 'node:crypto';
import { and, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import { authChallenges } from '../../db/schema.ts';
import { takeChallenge } from '../challenges.ts';

/** A WebAuthn challenge is good for five minutes (the browser's own ceremony timeout is one). */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60_000;

export type PasskeyChallengeKind = 'webauthnRegister' | 'webauthnLogin';

/** What a challenge row keeps: the challenge the browser signs, and the relying party it was issued for. */
export interface PasskeyChallengeData {
  challenge: string;
  rpId: string;
  origin: string;
}

/**
 * Stores a challenge for one ceremony (registration belongs to the signed-in member; login to nobody yet) and
 * answers its id, which the browser sends back with its response. Expired WebAuthn challenges are forgotten here.
 */
export async function storePasskeyChallenge(
  db: Db,
  kind: PasskeyChallengeKind,
  memberId: string | null,
  data: PasskeyChallengeData,
  now = new Date(),
): Promise<string> {
  const id = randomBytes(18).toString('base64url');
  await db
    .delete(authChallenges)
    .where(
      and(
        inArray(authChallenges.kind, ['webauthnRegister', 'webauthnLogin']),
        lt(authChallenges.expiresAt, now),
      ),
    );
  await db.insert(authChallenges).values({
    id,
    kind,
    memberId,
    data: { ...data },
    createdAt: now,
    expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_TTL_MS),
  });
  return id;
}

/**
 * Uses a challenge up, atomically, before its response is even looked at: whether the response then checks out or
 * not, the challenge never works again (a replayed or retried response needs a fresh ceremony). Undefined when it is
 * unknown, of the other kind, expired or already used.
 */
export async function consumePasskeyChallenge(
  db: Db,
  kind: PasskeyChallengeKind,
  id: string,
  now = new Date(),
): Promise<{ memberId: string | null; data: PasskeyChallengeData } | undefined> {
  const row = await takeChallenge(db, kind, id, now);
  if (!row) return undefined;
  const { challenge, rpId, origin } = row.data;
  if (typeof challenge !== 'string' || typeof rpId !== 'string' || typeof origin !== 'string')
    return undefined;
  return { memberId: row.memberId, data: { challenge, rpId, origin } };
}
