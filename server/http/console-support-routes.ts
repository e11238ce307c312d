import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Application } from 'express';
import { routes } from '../../shared/protocol/routes.ts';
import {
  CONSOLE_MEMBER_SEARCH_LIMIT,
  ConsoleMembersQuery,
  type ConsoleMembersResponse,
  type ConsoleMemberView,
  RebindEmailBody,
  type RebindEmailResponse,
} from '../../shared/protocol/sign-in.ts';
import { revokeMemberDevices } from '../auth/device-sessions.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { accountAudit, deviceSessions, memberCredentials, members } from '../db/schema.ts';
import { maskEmail } from '../members/credentials.ts';
import { announceSessionsEnded } from '../members/member-channel.ts';
import { recordAudit } from '../team/audit.ts';
import { requireCapability, staffOf } from './console-auth.ts';
import { describeZodError, sendError } from './errors.ts';

/**
 * The brand's support flow in the console. Any staff member (host or admin) may look members up; only an admin may
 * re-bind a member's email, the recovery path for a member who lost every device and every other credential:
 * the operator checks who they are outside Layover (a ticket, questions only the member can answer), then binds the
 * new address. The old email credential is replaced, every browser of the member is signed out (reason
 * `supportRebind`, so whoever held a lost phone is out too), and the re-bind is written to `account_audit` with the
 * operator, the reason and the masked address. Full addresses never leave the ledger: answers and the audit carry
 * them masked.
 *
 * Mounted after `mountConsoleRoutes`, whose `requireHost` guard covers every /api/console path; each route checks
 * again when that guard has not run (so mounting order can never open them).
 */

/** The most members one search answers. */
export const MEMBER_SEARCH_LIMIT = CONSOLE_MEMBER_SEARCH_LIMIT;

/** `%`, `_` and `\` typed by the operator match themselves in an ILIKE pattern. */
export const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Where the search looks: names containing q (any case), or the member id itself or its start (8+ characters). */
function searchWhere(q: string) {
  const byName = ilike(members.displayName, `%${likeEscape(q)}%`);
  if (q.length < 8) return or(byName, eq(members.id, q));
  return or(byName, ilike(members.id, `${likeEscape(q)}%`));
}

/** The support view of some members, in the order given. */
async function memberViews(
  db: Db,
  rows: (typeof members.$inferSelect)[],
  now: Date,
): Promise<ConsoleMemberView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const credentials = await db
    .select({
      memberId: memberCredentials.memberId,
      kind: memberCredentials.kind,
      subject: memberCredentials.subject,
      label: memberCredentials.label,
    })
    .from(memberCredentials)
    .where(inArray(memberCredentials.memberId, ids))
    .orderBy(memberCredentials.createdAt);
  const devices = await db
    .select({ memberId: deviceSessions.memberId, live: sql<number>`count(*)::int` })
    .from(deviceSessions)
    .where(
      and(
        inArray(deviceSessions.memberId, ids),
        isNull(deviceSessions.revokedAt),
        gt(deviceSessions.idleExpiresAt, now),
      ),
    )
    .groupBy(deviceSessions.memberId);
  return rows.map((row) => {
    const own = credentials
      .filter((credential) => credential.memberId === row.id)
      .map((credential) => ({
        kind: credential.kind,
        label: credential.kind === 'email' ? maskEmail(credential.subject) : credential.label,
      }));
    return {
      id: row.id,
      name: row.displayName,
      address: row.address,
      createdAt: row.createdAt.getTime(),
      email: own.find((credential) => credential.kind === 'email')?.label ?? null,
      credentials: own,
      devices: devices.find((device) => device.memberId === row.id)?.live ?? 0,
    };
  });
}

/** Why a re-bind stopped before it changed anything. */
class RebindRefusal extends Error {}

/** Registers the support routes: search for any staff member, re-bind for admins. */
export function mountConsoleSupportRoutes(app: Application, ctx: AppContext): void {
  const db = () => ctx.ledger.db;
  const now = () => new Date(ctx.clock.now());
  const support = requireCapability(ctx, 'support');

  // ?q=: a display name (part of it, any case) or a member id (or its first 8+ characters).
  app.get(routes.consoleMembers.path, support, async (req, res) => {
    const query = ConsoleMembersQuery.safeParse(req.query);
    if (!query.success) return sendError(res, 400, 'invalidQuery', describeZodError(query.error));
    const q = query.data.q;
    const rows = await db()
      .select()
      .from(members)
      .where(searchWhere(q))
      .orderBy(sql`${members.id} = ${q} desc`, desc(members.createdAt))
      .limit(MEMBER_SEARCH_LIMIT);
    const body: ConsoleMembersResponse = { members: await memberViews(db(), rows, now()) };
    res.set('cache-control', 'no-store').json(body);
  });

  app.put(routes.consoleRebindEmail.path, support, async (req, res) => {
    const body = RebindEmailBody.safeParse(req.body);
    if (!body.success) {
      const emailWrong = body.error.issues.some((issue) => issue.path[0] === 'email');
      return sendError(res, 400, emailWrong ? 'invalidEmail' : 'invalidReason', describeZodError(body.error));
    }
    const { email, reason } = body.data;
    const memberId = String(req.params.memberId);
    const operator = staffOf(res);
    const at = now();
    try {
      await db().transaction(async (tx) => {
        const [member] = await tx.select({ id: members.id }).from(members).where(eq(members.id, memberId));
        if (!member) throw new RebindRefusal('memberNotFound');
        const [owner] = await tx
          .select({ memberId: memberCredentials.memberId })
          .from(memberCredentials)
          .where(and(eq(memberCredentials.kind, 'email'), eq(memberCredentials.subject, email)));
        if (owner && owner.memberId !== memberId) throw new RebindRefusal('credentialInUse');
        const replaced = await tx
          .delete(memberCredentials)
          .where(and(eq(memberCredentials.memberId, memberId), eq(memberCredentials.kind, 'email')))
          .returning({ subject: memberCredentials.subject });
        await tx.insert(memberCredentials).values({
          id: randomUUID(),
          memberId,
          kind: 'email',
          subject: email,
          label: maskEmail(email),
          createdAt: at,
        });
        await revokeMemberDevices(tx, memberId, 'supportRebind', at);
        await recordAudit(tx, {
          actor: operator.address,
          action: 'members.rebindEmail',
          target: memberId,
          before: { emails: replaced.map((row) => maskEmail(row.subject)) },
          after: { email: maskEmail(email) },
        });
        await tx.insert(accountAudit).values({
          at,
          actorMemberId: operator.memberId,
          action: 'rebindEmail',
          memberId,
          detail: {
            reason,
            email: maskEmail(email),
            replaced: replaced.map((row) => maskEmail(row.subject)),
            signedOut: 'all',
          },
        });
      });
    } catch (error) {
      if (error instanceof RebindRefusal && error.message === 'memberNotFound')
        return sendError(res, 404, 'memberNotFound', 'no member has this id');
      if (error instanceof RebindRefusal || isUniqueViolation(error))
        return sendError(res, 409, 'credentialInUse', 'this email belongs to another member');
      throw error;
    }
    // Their open room connections end too (every process hears it).
    announceSessionsEnded(ctx, memberId);
    const rows = await db().select().from(members).where(eq(members.id, memberId));
    const [view] = await memberViews(db(), rows, now());
    const answer: RebindEmailResponse = { member: view as ConsoleMemberView };
    res.json(answer);
  });
}

/** A concurrent re-bind or sign-in took the address between the check and the insert. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code;
  const causeCode = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return code === '23505' || causeCode === '23505';
}
