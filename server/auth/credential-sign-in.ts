import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Request, Response } from 'express';
import type { MergeOffer, SessionKindName, SignedIn, SignInResult } from '../../shared/protocol/sign-in.ts';
import type { AppContext } from '../context.ts';
import { createMember, findMember } from '../db/members.ts';
import type { Db } from '../db/open.ts';
import { authChallenges, type CredentialKind, memberCredentials } from '../db/schema.ts';
import { sendError } from '../http/errors.ts';
import { takeChallenge } from './challenges.ts';
import { startDeviceSession, upgradeDeviceSession } from './device-sessions.ts';
import { hasLastingIdentity } from './identity.ts';
import { currentSession } from './sessions.ts';

/** What a sign-in proved: an email or brand account (which may be new), or a registered passkey. */
export type Proof =
  | { kind: 'email' | 'oidc'; subject: string; label: string; externalId?: string | null | undefined }
  | { kind: 'passkey'; credentialId: string };

/** A sign-in refused after the proof checked out: the route answers `status` with `code`. */
export class SignInRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: 'credentialInUse' | 'passkeyUnknown' | 'mergeExpired' | 'signInRequired',
    detail: string,
  ) {
    super(detail);
  }
}

/** A merge offer lives this long: time to read the dialog and decide. */
export const MERGE_TICKET_TTL_MS = 10 * 60_000;

/** The name of a member created by a first sign-in without one (never derived from the email: names are public). */
export const DEFAULT_MEMBER_NAME = 'Traveller';

/** Who is signed in while the proof arrives. */
interface Current {
  memberId: string;
  deviceId: string | null;
}

/** Runs after a credential was added to a member (held prizes may now be released, quests re-announced). */
export type CredentialAddedHook = (ctx: AppContext, memberId: string) => Promise<void>;
const credentialAddedHooks: CredentialAddedHook[] = [];

/** Registers work to run whenever a member gains a lasting credential (a wallet included). */
export function onCredentialAdded(hook: CredentialAddedHook): void {
  credentialAddedHooks.push(hook);
}

/** Tells the registered hooks a member gained a credential; a failing hook is logged, never fatal. */
export async function credentialAdded(ctx: AppContext, memberId: string): Promise<void> {
  for (const hook of credentialAddedHooks)
    await hook(ctx, memberId).catch((err: unknown) =>
      ctx.logger.error({ err, memberId }, 'a credential-added hook failed'),
    );
}

/**
 * The one place a proven credential turns into a session. Linking rules:
 * - unknown credential: bound to the signed-in member, or to a new member (named `name`) when nobody is signed in;
 * - bound to the signed-in member: signed in again with it;
 * - bound to another member: signed in as them when nobody is signed in; a merge offer when the signed-in member is a
 *   guest with nothing lasting (their progress can move); refused (`credentialInUse`) when the signed-in member has
 *   a lasting identity of their own: a credential is never silently moved.
 * `currentMemberId` (and `currentDeviceId`) override the request's bearer session (the brand login's callback
 * carries no header).
 */
export async function signInWithProof(
  ctx: AppContext,
  req: Request,
  res: Response,
  proof: Proof,
  options: {
    name?: string | undefined;
    currentMemberId?: string | null | undefined;
    currentDeviceId?: string | null | undefined;
  } = {},
): Promise<SignInResult> {
  const db = ctx.ledger.db;
  const current = await currentOf(ctx, req, options.currentMemberId, options.currentDeviceId);
  const kind: CredentialKind = proof.kind;
  const subject = proof.kind === 'passkey' ? proof.credentialId : proof.subject;
  const bound = await findCredential(db, kind, subject);
  const now = new Date(ctx.clock.now());

  if (bound) {
    await db.update(memberCredentials).set({ lastUsedAt: now }).where(eq(memberCredentials.id, bound.id));
    return signInAsOwner(ctx, req, res, bound.memberId, kind, current);
  }
  if (proof.kind === 'passkey')
    throw new SignInRefusal(401, 'passkeyUnknown', 'this passkey is not registered here');

  const memberId =
    current?.memberId ?? (await createMember(db, { displayName: options.name ?? DEFAULT_MEMBER_NAME })).id;
  const inserted = await db
    .insert(memberCredentials)
    .values({
      id: randomUUID(),
      memberId,
      kind,
      subject,
      label: proof.label,
      externalId: proof.externalId ?? null,
      createdAt: now,
      lastUsedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: memberCredentials.id });
  if (inserted.length === 0) {
    // Someone bound it between our read and our write (a double click, a race): answer as if it had been bound.
    const raced = await findCredential(db, kind, subject);
    if (!raced) throw new Error('Layover: credential insert conflicted but no row is there');
    return signInAsOwner(ctx, req, res, raced.memberId, kind, current);
  }
  await credentialAdded(ctx, memberId);
  return replaceDevice(ctx, req, res, memberId, kind, current, current !== undefined);
}

async function currentOf(
  ctx: AppContext,
  req: Request,
  override: string | null | undefined,
  overrideDevice: string | null | undefined,
): Promise<Current | undefined> {
  if (override === null) return undefined;
  if (override !== undefined) return { memberId: override, deviceId: overrideDevice ?? null };
  const session = await currentSession(ctx, req);
  return session ? { memberId: session.member.id, deviceId: session.deviceId } : undefined;
}

async function findCredential(db: Db, kind: CredentialKind, subject: string) {
  const [row] = await db
    .select()
    .from(memberCredentials)
    .where(and(eq(memberCredentials.kind, kind), eq(memberCredentials.subject, subject)))
    .limit(1);
  return row;
}

async function signInAsOwner(
  ctx: AppContext,
  req: Request,
  res: Response,
  ownerId: string,
  kind: SessionKindName,
  current: Current | undefined,
): Promise<SignInResult> {
  if (!current || current.memberId === ownerId)
    return replaceDevice(
      ctx,
      req,
      res,
      ownerId,
      kind,
      current?.memberId === ownerId ? current : undefined,
      false,
    );
  if (await hasLastingIdentity(ctx.ledger.db, current.memberId))
    throw new SignInRefusal(
      409,
      'credentialInUse',
      'this sign-in belongs to another member and cannot be moved',
    );
  return mergeOffer(ctx, current.memberId, ownerId, kind);
}

/** The browser's session for the member: the signed-in one upgraded in place, or a new one. */
async function replaceDevice(
  ctx: AppContext,
  req: Request,
  res: Response,
  memberId: string,
  kind: SessionKindName,
  replacing: Current | undefined,
  linked: boolean,
): Promise<SignedIn> {
  // The same member in the same browser: that browser's session is upgraded in place (its room connection stays).
  if (replacing?.deviceId && replacing.memberId === memberId) {
    const upgraded = await upgradeDeviceSession(ctx, req, res, replacing.deviceId, memberId, kind);
    return { ...upgraded, linked };
  }
  return startDeviceSession(ctx, req, res, memberId, kind, { linked });
}

async function mergeOffer(
  ctx: AppContext,
  guestId: string,
  targetId: string,
  kind: SessionKindName,
): Promise<MergeOffer> {
  const target = await findMember(ctx.ledger.db, targetId);
  if (!target) throw new Error(`Layover: credential owner ${targetId} has no member row`);
  const ticket = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  await ctx.ledger.db.insert(authChallenges).values({
    id: ticket,
    kind: 'merge',
    memberId: guestId,
    data: { targetId, kind },
    createdAt: new Date(now),
    expiresAt: new Date(now + MERGE_TICKET_TTL_MS),
  });
  return { status: 'mergeOffer', ticket, member: { name: target.displayName } };
}

/**
 * Takes a merge ticket for the guest who got it: single use, unexpired. Answers the member to continue as and how
 * they proved it, or undefined.
 */
export async function takeMergeTicket(
  ctx: AppContext,
  ticket: string,
  guestId: string,
): Promise<{ targetId: string; kind: SessionKindName } | undefined> {
  const now = new Date(ctx.clock.now());
  const row = await takeChallenge(ctx.ledger.db, 'merge', ticket, now, guestId);
  if (!row) return undefined;
  const data = row.data as { targetId: string; kind: SessionKindName };
  return { targetId: data.targetId, kind: data.kind };
}

/** Answers a sign-in route: the result as JSON, or a refusal's status and code (other errors go to Express). */
export async function respondWithSignIn(res: Response, signIn: () => Promise<SignInResult>): Promise<void> {
  try {
    res.set('cache-control', 'no-store').json(await signIn());
  } catch (error) {
    if (!(error instanceof SignInRefusal)) throw error;
    sendError(res, error.status, error.code, error.message);
  }
}
