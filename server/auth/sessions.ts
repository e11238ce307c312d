import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Request, Response } from 'express';
import type { SessionKindName } from '../../shared/protocol/sign-in.ts';
import type { AppContext } from '../context.ts';
import type { MemberRecord } from '../db/members.ts';
import type { Db } from '../db/open.ts';
import { deviceSessions, members, sessions } from '../db/schema.ts';
import { sendError } from '../http/errors.ts';

/** How a session was made: a guest, the dev test wallet, a wallet (SIWE), an email code, a passkey, the brand's login. */
export type SessionKind = SessionKindName;

/** The SHA-256 under which a bearer token is stored; the token itself never touches the ledger. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues a fresh 256-bit bearer token for a member, bound to a browser session (device) when one is given. */
export async function issueSession(
  db: Db,
  memberId: string,
  kind: SessionKind,
  ttlMs: number,
  now = new Date(),
  deviceId: string | null = null,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), memberId, kind, expiresAt, createdAt: now, deviceId });
  return { token, expiresAt };
}

/** A live session: its member (with the wallet address it signed in with, if any) and how it was made. */
export interface ResolvedSession {
  member: MemberRecord;
  kind: SessionKind;
  /** The browser session (refresh family) the token belongs to; null for tokens issued without one (bots, tests). */
  deviceId: string | null;
  /** The stored hash of the access token. */
  tokenHash: string;
}

/** The member behind a live token, or undefined when unknown, expired or revoked (itself or its browser session). */
export async function resolveSession(
  db: Db,
  token: string,
  now = new Date(),
): Promise<ResolvedSession | undefined> {
  if (token.length < 20 || token.length > 200) return undefined;
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ member: members, kind: sessions.kind, deviceId: sessions.deviceId })
    .from(sessions)
    .innerJoin(members, eq(members.id, sessions.memberId))
    .leftJoin(deviceSessions, eq(deviceSessions.id, sessions.deviceId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, now),
        isNull(sessions.revokedAt),
        or(isNull(sessions.deviceId), isNull(deviceSessions.revokedAt)),
      ),
    )
    .limit(1);
  return row
    ? { member: row.member, kind: row.kind as SessionKind, deviceId: row.deviceId, tokenHash }
    : undefined;
}

/** Whether the session under `tokenHash` was never ended (itself or its browser session); expiry does not count. */
export async function sessionLive(db: Db, tokenHash: string): Promise<boolean> {
  const [row] = await db
    .select({ revokedAt: sessions.revokedAt, deviceRevokedAt: deviceSessions.revokedAt })
    .from(sessions)
    .leftJoin(deviceSessions, eq(deviceSessions.id, sessions.deviceId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  return row !== undefined && row.revokedAt === null && row.deviceRevokedAt === null;
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

/** The live session of a request's `Authorization: Bearer` token, or undefined (none sent, unknown, expired). */
export async function currentSession(ctx: AppContext, req: Request): Promise<ResolvedSession | undefined> {
  const token = bearerToken(req.get('authorization'));
  return token ? ctx.members.resolveSession(token) : undefined;
}

/** The request's live session, or a 401 `unauthorized` sent and undefined returned. */
export async function requireSession(
  ctx: AppContext,
  req: Request,
  res: Response,
): Promise<ResolvedSession | undefined> {
  const session = await currentSession(ctx, req);
  if (!session) sendError(res, 401, 'unauthorized', 'send Authorization: Bearer <token> of a live session');
  return session;
}
