import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Request, Response } from 'express';
import {
  ACCESS_TOKEN_TTL_MS,
  REFRESH_COOKIE,
  type SessionKindName,
  type SignedIn,
} from '../../shared/protocol/sign-in.ts';
import type { AppContext } from '../context.ts';
import { findMember } from '../db/members.ts';
import type { Db } from '../db/open.ts';
import { deviceSessions, sessions } from '../db/schema.ts';
import { announceSessionsEnded } from '../members/member-channel.ts';
import { ensureBrowserId } from './browser-id.ts';
import { signedInMember } from './identity.ts';
import { issueSession } from './sessions.ts';

/**
 * Lasting browser sessions. A sign-in starts a device session (a refresh-token family) and hands the browser two
 * things: a 15-minute bearer access token for the API and rooms, and a refresh credential `<deviceId>.<secret>` in an
 * HttpOnly, SameSite=Lax cookie scoped to /auth. POST /auth/refresh rotates the secret at every use; a secret that is
 * neither the current one nor (for a few seconds after a rotation, two tabs refreshing at once) the previous one
 * is a replay, and ends the whole family. SESSION_TTL_HOURS is the family's idle lifetime, renewed at each refresh.
 */

/** Two tabs may refresh with the same cookie at once: the later one within this window gets a token, no rotation. */
export const REFRESH_GRACE_MS = 10_000;

/** Where the refresh cookie is sent: only the /auth routes (refresh and logout), never the API or the page. */
export const REFRESH_COOKIE_PATH = '/auth';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

function sameHash(a: string, b: string | null): boolean {
  if (!b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Browser and system from a User-Agent header, kept short (at most 200 characters are stored). */
function userAgentOf(req: Request): string {
  return (req.get('user-agent') ?? '').slice(0, 200);
}

function cookieOptions(ctx: AppContext) {
  const secure = ctx.config.publicUrl?.startsWith('https:') === true;
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    path: REFRESH_COOKIE_PATH,
    maxAge: ctx.config.sessionTtlMs,
  };
}

function setRefreshCookie(ctx: AppContext, res: Response, deviceId: string, secret: string): void {
  res.cookie(REFRESH_COOKIE, `${deviceId}.${secret}`, cookieOptions(ctx));
}

/** Tells the browser to forget its refresh cookie. */
export function clearRefreshCookie(ctx: AppContext, res: Response): void {
  const { maxAge: _maxAge, ...options } = cookieOptions(ctx);
  res.clearCookie(REFRESH_COOKIE, options);
}

/** The refresh credential the browser sent, split; undefined when absent or malformed. */
export function refreshCredentialOf(req: Request): { deviceId: string; secret: string } | undefined {
  const header = req.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== REFRESH_COOKIE) continue;
    const value = decodeURIComponent(rest.join('='));
    const match = /^([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{32,128})$/.exec(value);
    return match ? { deviceId: match[1] as string, secret: match[2] as string } : undefined;
  }
  return undefined;
}

async function accessToken(ctx: AppContext, memberId: string, kind: SessionKindName, deviceId: string) {
  const now = new Date(ctx.clock.now());
  return issueSession(ctx.ledger.db, memberId, kind, ACCESS_TOKEN_TTL_MS, now, deviceId);
}

async function signedIn(
  ctx: AppContext,
  memberId: string,
  kind: SessionKindName,
  deviceId: string,
  linked: boolean,
): Promise<SignedIn> {
  const record = await findMember(ctx.ledger.db, memberId);
  if (!record) throw new Error(`Layover: member ${memberId} vanished during sign-in`);
  const { token, expiresAt } = await accessToken(ctx, memberId, kind, deviceId);
  return {
    status: 'signedIn',
    token,
    expiresAt: expiresAt.getTime(),
    member: await signedInMember(ctx.ledger.db, record),
    kind,
    linked,
  };
}

/**
 * Starts a browser session for a member who just proved who they are: a new device (refresh family), the refresh
 * cookie set on `res`, and an access token in the answer. Every sign-in route ends here.
 */
export async function startDeviceSession(
  ctx: AppContext,
  req: Request,
  res: Response,
  memberId: string,
  kind: SessionKindName,
  options: { linked?: boolean } = {},
): Promise<SignedIn> {
  const now = new Date(ctx.clock.now());
  const deviceId = randomBytes(16).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  await ctx.ledger.db.insert(deviceSessions).values({
    id: deviceId,
    memberId,
    kind,
    browserId: ensureBrowserId(ctx, req, res),
    refreshHash: sha256(secret),
    userAgent: userAgentOf(req),
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: new Date(now.getTime() + ctx.config.sessionTtlMs),
  });
  setRefreshCookie(ctx, res, deviceId, secret);
  return signedIn(ctx, memberId, kind, deviceId, options.linked ?? false);
}

/**
 * The signed-in browser proved more (added an email, a passkey): its session keeps its id and is now of `kind`; the
 * refresh secret rotates and a new access token is issued. Earlier access tokens are not revoked, so room
 * connections made with them stay. Falls back to a new session when the device is gone or not the member's.
 */
export async function upgradeDeviceSession(
  ctx: AppContext,
  req: Request,
  res: Response,
  deviceId: string,
  memberId: string,
  kind: SessionKindName,
): Promise<SignedIn> {
  const now = new Date(ctx.clock.now());
  const secret = randomBytes(32).toString('base64url');
  const [device] = await ctx.ledger.db
    .update(deviceSessions)
    .set({
      kind,
      // A sign-in just happened on this browser: actions that ask for a fresh sign-in (relay/guards.ts) count from it.
      createdAt: now,
      refreshHash: sha256(secret),
      previousHash: null,
      rotatedAt: now,
      lastSeenAt: now,
      idleExpiresAt: new Date(now.getTime() + ctx.config.sessionTtlMs),
    })
    .where(
      and(
        eq(deviceSessions.id, deviceId),
        eq(deviceSessions.memberId, memberId),
        isNull(deviceSessions.revokedAt),
      ),
    )
    .returning({ id: deviceSessions.id });
  if (!device) return startDeviceSession(ctx, req, res, memberId, kind, { linked: true });
  setRefreshCookie(ctx, res, deviceId, secret);
  return signedIn(ctx, memberId, kind, deviceId, true);
}

export type RefreshOutcome =
  | { ok: true; result: SignedIn }
  | { ok: false; code: 'sessionEnded' | 'sessionReused'; detail: string };

/**
 * Trades a refresh credential for a new access token and rotates it. A replayed credential (neither the current
 * secret nor the previous one within the grace window) ends the family: whoever holds a stolen copy and the real
 * browser are both signed out, and the member signs in again.
 */
export async function refreshDeviceSession(
  ctx: AppContext,
  req: Request,
  res: Response,
): Promise<RefreshOutcome> {
  const credential = refreshCredentialOf(req);
  if (!credential) return { ok: false, code: 'sessionEnded', detail: 'no refresh cookie: sign in' };
  const db = ctx.ledger.db;
  const now = new Date(ctx.clock.now());
  const presented = sha256(credential.secret);
  const outcome = await db.transaction(async (tx) => {
    const [device] = await tx
      .select()
      .from(deviceSessions)
      .where(eq(deviceSessions.id, credential.deviceId))
      .for('update');
    if (!device || device.revokedAt || device.idleExpiresAt <= now) return { kind: 'ended' as const };
    if (sameHash(presented, device.refreshHash)) {
      const secret = randomBytes(32).toString('base64url');
      await tx
        .update(deviceSessions)
        .set({
          refreshHash: sha256(secret),
          previousHash: device.refreshHash,
          rotatedAt: now,
          lastSeenAt: now,
          idleExpiresAt: new Date(now.getTime() + ctx.config.sessionTtlMs),
        })
        .where(eq(deviceSessions.id, device.id));
      return { kind: 'rotated' as const, device, secret };
    }
    const inGrace =
      sameHash(presented, device.previousHash) &&
      device.rotatedAt !== null &&
      now.getTime() - device.rotatedAt.getTime() <= REFRESH_GRACE_MS;
    if (inGrace) return { kind: 'grace' as const, device };
    await endDevice(tx as unknown as Db, device.id, 'reuse', now);
    return { kind: 'reused' as const, memberId: device.memberId };
  });
  if (outcome.kind === 'ended') {
    clearRefreshCookie(ctx, res);
    return { ok: false, code: 'sessionEnded', detail: 'this browser session ended: sign in again' };
  }
  if (outcome.kind === 'reused') {
    clearRefreshCookie(ctx, res);
    ctx.logger.warn(
      { deviceId: credential.deviceId },
      'a refresh credential was replayed; its session was ended',
    );
    // Whoever holds the stolen copy and the real browser both lose their room connections too.
    announceSessionsEnded(ctx, outcome.memberId);
    return {
      ok: false,
      code: 'sessionReused',
      detail: 'this refresh credential was already used; the session was ended to be safe',
    };
  }
  const { device } = outcome;
  if (outcome.kind === 'rotated') setRefreshCookie(ctx, res, device.id, outcome.secret);
  const result = await signedIn(ctx, device.memberId, device.kind as SessionKindName, device.id, false);
  return { ok: true, result };
}

async function endDevice(
  db: Db,
  deviceId: string,
  reason: string,
  now: Date,
  memberId?: string,
): Promise<void> {
  const ended = await db
    .update(deviceSessions)
    .set({ revokedAt: now, revokeReason: reason })
    .where(
      and(
        eq(deviceSessions.id, deviceId),
        isNull(deviceSessions.revokedAt),
        memberId === undefined ? undefined : eq(deviceSessions.memberId, memberId),
      ),
    )
    .returning({ id: deviceSessions.id });
  if (ended.length === 0) return;
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.deviceId, deviceId), isNull(sessions.revokedAt)));
}

/**
 * Signs out the browser whose refresh cookie came with the request (its access token may have expired): the
 * cookie's secret must be the session's current or previous one. Answers the member, or undefined.
 */
export async function endDeviceOfCookie(ctx: AppContext, req: Request): Promise<string | undefined> {
  const credential = refreshCredentialOf(req);
  if (!credential) return undefined;
  const [device] = await ctx.ledger.db
    .select()
    .from(deviceSessions)
    .where(and(eq(deviceSessions.id, credential.deviceId), isNull(deviceSessions.revokedAt)));
  const presented = sha256(credential.secret);
  if (!device || !(sameHash(presented, device.refreshHash) || sameHash(presented, device.previousHash)))
    return undefined;
  await endDevice(ctx.ledger.db, device.id, 'signedOut', new Date(ctx.clock.now()));
  return device.memberId;
}

/** Ends one browser session and every access token it was given (only when it is `memberId`'s, if given). */
export async function revokeDevice(
  db: Db,
  deviceId: string,
  reason: string,
  now = new Date(),
  memberId?: string,
): Promise<void> {
  await endDevice(db, deviceId, reason, now, memberId);
}

/** Ends every browser session of a member (and their loose access tokens): "sign out everywhere", erasure, merge. */
export async function revokeMemberDevices(
  db: Db,
  memberId: string,
  reason: string,
  now = new Date(),
): Promise<void> {
  await db
    .update(deviceSessions)
    .set({ revokedAt: now, revokeReason: reason })
    .where(and(eq(deviceSessions.memberId, memberId), isNull(deviceSessions.revokedAt)));
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.memberId, memberId), isNull(sessions.revokedAt)));
}

/** A member's live browser sessions, most recently used first. */
export async function listDevices(db: Db, memberId: string, now = new Date()) {
  return db
    .select()
    .from(deviceSessions)
    .where(
      and(
        eq(deviceSessions.memberId, memberId),
        isNull(deviceSessions.revokedAt),
        gt(deviceSessions.idleExpiresAt, now),
      ),
    )
    .orderBy(desc(deviceSessions.lastSeenAt));
}

/** Whether a request's Origin is this lounge: PUBLIC_URL's origin, or the Host the request was sent to. */
export function sameOrigin(ctx: AppContext, req: Request): boolean {
  const origin = req.get('origin');
  if (!origin || origin === 'null') return false;
  if (ctx.config.publicUrl && origin === new URL(ctx.config.publicUrl).origin) return true;
  const host = req.get('host');
  if (!host || !URL.canParse(origin)) return false;
  return new URL(origin).host === host;
}
