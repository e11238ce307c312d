import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { MemberRecord } from '../db/members.ts';
import type { Db } from '../db/open.ts';
import { members, sessions } from '../db/schema.ts';

export type SessionKind = 'guest' | 'testWallet' | 'wallet';

/** The SHA-256 under which a bearer token is stored; the token itself never touches the ledger. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues a fresh 256-bit bearer token for a member. */
export async function issueSession(
  db: Db,
  memberId: string,
  kind: SessionKind,
  ttlMs: number,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), memberId, kind, expiresAt, createdAt: now });
  return { token, expiresAt };
}

/** A live session: its member (with the wallet address it signed in with, if any) and how it was made. */
export type ResolvedSession = { member: MemberRecord; kind: SessionKind };

/** The member behind a live token, or undefined when unknown, expired or revoked. */
export async function resolveSession(
  db: Db,
  token: string,
  now = new Date(),
): Promise<ResolvedSession | undefined> {
  if (token.length < 20 || token.length > 200) return undefined;
  const [row] = await db
    .select({ member: members, kind: sessions.kind })
    .from(sessions)
    .innerJoin(members, eq(members.id, sessions.memberId))
    .where(
      and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now), isNull(sessions.revokedAt)),
    )
    .limit(1);
  return row ? { member: row.member, kind: row.kind as SessionKind } : undefined;
}

/** Revokes a token at once; later joins and calls with it fail. */
export async function revokeSession(db: Db, token: string, now = new Date()): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(eq(sessions.tokenHash, hashToken(token)));
}

/** Reads a bearer token from an Authorization header value. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}
