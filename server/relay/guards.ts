import { and, eq, gte, ne, sql } from 'drizzle-orm';
import type { ResolvedSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { relayedActions } from '../db/relay-schema.ts';
import { deviceSessions, members, sessions } from '../db/schema.ts';

/** Start of the UTC day of `nowMs`. */
export function utcDayStart(nowMs: number): Date {
  const day = new Date(nowMs);
  day.setUTCHours(0, 0, 0, 0);
  return day;
}

/** Relayed actions the member asked for today (UTC), failed ones not counted. */
export async function usedToday(db: Db, memberId: string, nowMs: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(relayedActions)
    .where(
      and(
        eq(relayedActions.memberId, memberId),
        gte(relayedActions.createdAt, utcDayStart(nowMs)),
        ne(relayedActions.status, 'failed'),
      ),
    );
  return Number(row?.n ?? 0);
}

/**
 * Inside a recording transaction: locks the member's row (so two requests at once cannot both take the last
 * action of the day) and says whether one more action fits RELAY_DAILY_LIMIT.
 */
export async function takeDailyAction(tx: Db, ctx: AppContext, memberId: string): Promise<boolean> {
  await tx.execute(sql`SELECT id FROM ${members} WHERE id = ${memberId} FOR UPDATE`);
  return (await usedToday(tx, memberId, ctx.clock.now())) < ctx.config.relay.dailyLimit;
}

/**
 * Whether the session signed in within RELAY_REAUTH_MINUTES: the browser session's sign-in time (a refresh keeps
 * it), or the token's own for a token issued without one. Custody and held prizes move only on a fresh sign-in.
 */
export async function signedInRecently(ctx: AppContext, session: ResolvedSession): Promise<boolean> {
  const db = ctx.ledger.db;
  const [row] = session.deviceId
    ? await db
        .select({ at: deviceSessions.createdAt })
        .from(deviceSessions)
        .where(eq(deviceSessions.id, session.deviceId))
    : await db
        .select({ at: sessions.createdAt })
        .from(sessions)
        .where(eq(sessions.tokenHash, session.tokenHash));
  return row !== undefined && ctx.clock.now() - row.at.getTime() <= ctx.config.relay.reauthMs;
}
