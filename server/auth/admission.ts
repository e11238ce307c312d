import { ServerError } from '@colyseus/core';
import { type Address, getAddress } from 'viem';
import type { z } from 'zod';
import { JoinErrorCode, JoinOptions } from '../../shared/protocol/join.ts';
import { mayDo } from '../../shared/protocol/staff-roles.ts';
import type { AppContext } from '../context.ts';
import { evaluateGate, type GateVerdict } from '../domain/gates.ts';
import { tierForSession } from '../domain/lounge-members.ts';
import { statusOpensRoom } from '../domain/quests/snapshot.ts';
import { releaseRefusedSeat } from '../http/front-door-leases.ts';
import { roomNameOf } from '../observability/room-context.ts';
import { countRefusedJoin } from '../observability/room-metrics.ts';
import { heldRewardsOpen } from '../passes/held-gate.ts';
import { hasTimedAccess } from '../perks/timed-access.ts';
import { hashToken, type ResolvedSession } from './sessions.ts';

/** Who a room let in: what every room's `client.auth` carries. */
export interface AdmittedMember {
  memberId: string;
  name: string;
  tier: string;
  /** The member's wallet, or null for a guest. */
  address: string | null;
  /** Holds a team role that hosts events (host or owner); only rooms that ask (`staff: true`) look it up. */
  host: boolean;
  /** The session the member joined with (its stored hash): where a later re-check finds it revoked. */
  sessionKey: string;
}

/** How a kind of room admits: its join options, its gate, whether staff roles matter, and its own refusals. */
export interface RoomKind<O extends JoinOptions = JoinOptions> {
  kind: 'lounge' | 'gated' | 'hall' | 'game';
  /** The join options' schema (JoinOptions when unset); a bad payload is `unauthorized`. */
  options?: z.ZodType<O>;
  /** The gate rule (shared/content/gates.ts) a member must meet; hosts skip it. */
  gate?: string | undefined;
  /** A status level that opens this gate lets its member in without a pass (the gated lounges). */
  statusOpens?: boolean;
  /** Looks up the staff role (halls: hosts pass the doors, bans and the gate). */
  staff?: boolean;
  /** The room's own refusals, once session and role are known and before the gate (a hall's doors, a game's seat). */
  check?: (member: AdmittedMember, options: O, session: ResolvedSession) => Promise<void> | void;
}

/** A member let in, with the parsed options and, when a pass opened the gate, the verdict (which tokens matched). */
export interface Admission<O extends JoinOptions = JoinOptions> {
  member: AdmittedMember;
  options: O;
  session: ResolvedSession;
  verdict: GateVerdict | undefined;
  /** The gate-checked wallet, when a pass (not a status level) opened the gate. */
  passHolder: Address | undefined;
}

/** The one admission path of every room's onAuth: session, staff role, the room's own checks, then the gate. */
export async function admitMember<O extends JoinOptions = JoinOptions>(
  ctx: AppContext,
  options: unknown,
  room: RoomKind<O>,
  /** The joining client: a refused join gives back the room its reservation counted against the member. */
  client?: { sessionId: string },
): Promise<Admission<O>> {
  try {
    return await admit(ctx, options, room);
  } catch (error) {
    if (client)
      releaseRefusedSeat(ctx.presence, client.sessionId).catch((err: unknown) =>
        ctx.logger.warn({ err }, 'refused seat not released'),
      );
    // A refusal's message is its code (`gateDenied`, `sessionExpired`, ...): a bounded label.
    const code = error instanceof ServerError && /^\w{1,40}$/.test(error.message) ? error.message : 'error';
    countRefusedJoin(ctx.metrics, roomNameOf(ctx) ?? room.kind, code);
    throw error;
  }
}

async function admit<O extends JoinOptions>(
  ctx: AppContext,
  options: unknown,
  room: RoomKind<O>,
): Promise<Admission<O>> {
  const schema = (room.options ?? JoinOptions) as z.ZodType<O>;
  const parsed = schema.safeParse(options);
  if (!parsed.success) throw new ServerError(JoinErrorCode.unauthorized, 'unauthorized');
  const session = await ctx.members.resolveSession(parsed.data.token);
  if (!session) throw new ServerError(JoinErrorCode.sessionExpired, 'sessionExpired');
  const { member: record } = session;
  const host =
    room.staff === true && session.kind !== 'guest' && mayDo(await ctx.members.teamRoles(record), 'events');
  const member: AdmittedMember = {
    memberId: record.id,
    name: record.displayName,
    tier: tierForSession(session.kind),
    address: record.address,
    host,
    sessionKey: hashToken(parsed.data.token),
  };
  await room.check?.(member, parsed.data, session);
  const admission: Admission<O> = {
    member,
    options: parsed.data,
    session,
    verdict: undefined,
    passHolder: undefined,
  };
  if (!room.gate || host) return admission;
  if (room.statusOpens && (await statusOpens(ctx, record.id, room.gate))) return admission;
  if (record.address) {
    const address = getAddress(record.address);
    const verdict = await checkGate(ctx, room.gate, address);
    if (verdict.allowed) return { ...admission, verdict, passHolder: address };
  }
  // What the chain does not show opens the room too, without a seat (nothing on chain to lend): a redeemed
  // timed-access perk (a lounge day pass) until it ends, and rewards the ledger holds for the member that are not in
  // their wallet yet (a Gold Pass won without a wallet, a LoungePass waiting for one).
  if (await ledgerOpens(ctx, record.id, room.gate)) return admission;
  throw new ServerError(JoinErrorCode.gateDenied, 'gateDenied');
}

/** The ledger's answer for a refused gate; a ledger that cannot be read keeps the gate closed (and says so in the log). */
async function ledgerOpens(ctx: AppContext, memberId: string, gate: string): Promise<boolean> {
  try {
    return (
      (await hasTimedAccess(ctx.ledger.db, memberId, gate, new Date(ctx.clock.now()))) ||
      (await heldRewardsOpen(ctx, memberId, gate))
    );
  } catch (err) {
    ctx.logger.error({ err, memberId, gate }, 'gate: ledger rewards not read; the gate stays closed');
    return false;
  }
}

/**
 * Whether the member's status opens a gate: by stamps, else by a calendar year's qualifying points (read only when
 * stamps fall short) at the context's clock.
 */
async function statusOpens(ctx: AppContext, memberId: string, gate: string): Promise<boolean> {
  const stamps = await ctx.members.stampCount(memberId);
  const { levels } = ctx.content.current().questContent;
  if (statusOpensRoom(stamps, gate, levels)) return true;
  // The ledger's directory reads them; a test's fake directory may not (no points then).
  const byYear = await ctx.members.qualifyingPoints?.(memberId);
  if (!byYear) return false;
  return statusOpensRoom(stamps, gate, levels, { byYear, now: ctx.clock.now() });
}

/** A wallet against a named gate rule, read through the gate service's cache; an unknown gate lets nobody in. */
export async function checkGate(ctx: AppContext, gate: string, address: Address): Promise<GateVerdict> {
  const rule = ctx.gates.rules.get(gate);
  if (!rule) return { allowed: false, matched: [] };
  return evaluateGate(rule, await ctx.gates.reader.holdingsFor(address, rule));
}
