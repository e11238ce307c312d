import { type AuthContext, matchMaker, ServerError } from '@colyseus/core';
import { JoinOptions } from '../../shared/protocol/join.ts';
import type { AppContext } from '../context.ts';
import { countRefusedJoin } from '../observability/room-metrics.ts';
import { ipLimitKey } from './client-ip.ts';
import type { RoomLeases } from './front-door-leases.ts';

/**
 * Refusals as Colyseus' matchmaking route sends them: `{ code, error }` with `code` as the HTTP status (it must be
 * one), `error` the code the client translates (client/core/net/joinError.ts reads the name first).
 */
export const SeatRefusal = {
  unauthorized: 401,
  sessionExpired: 403,
  /** MAX_ROOMS_PER_MEMBER or MAX_ROOMS_PER_IP reached; clients without the name read 429 as rateLimited. */
  tooManyRooms: 429,
} as const;

/** Matchmaking methods that reserve a new seat; `reconnect` reuses one its reconnection token already proves. */
const NEW_SEAT_METHODS = new Set(['joinOrCreate', 'create', 'join', 'joinById']);

type InvokeMethod = typeof matchMaker.controller.invokeMethod;

/**
 * Puts Layover's rules on every seat reservation Colyseus' matchmaker hands out, before any room is found or
 * created: a valid session (rooms' own onAuth only runs once the socket arrives), then a lease under the member's
 * and the address' room caps. Returns a function that restores the matchmaker's own method.
 */
export function guardSeatReservations(ctx: AppContext, leases: RoomLeases): () => void {
  const { controller } = matchMaker;
  const original: InvokeMethod = controller.invokeMethod;
  const guarded: InvokeMethod = async function (this: typeof controller, method, roomName, options, auth) {
    if (!NEW_SEAT_METHODS.has(method)) return original.call(this, method, roomName, options, auth);
    const room = roomLabel(method, roomName);
    const memberId = await sessionMember(ctx, options, room);
    const lease = await leases.claim(memberId, ipLimitKey((auth as AuthContext | undefined)?.ip));
    if (typeof lease === 'string') {
      countRefusedJoin(ctx.metrics, room, 'tooManyRooms');
      ctx.logger.warn({ memberId, room, cap: lease }, 'join refused: room cap reached');
      throw new ServerError(SeatRefusal.tooManyRooms, 'tooManyRooms');
    }
    try {
      const reservation = await original.call(this, method, roomName, options, auth);
      await leases.seat(lease, reservation.sessionId);
      return reservation;
    } catch (error) {
      await leases.release(lease);
      throw error;
    }
  };
  controller.invokeMethod = guarded;
  return () => {
    if (controller.invokeMethod === guarded) controller.invokeMethod = original;
  };
}

/** The member behind a join's token; a missing, malformed, unknown or ended session reserves nothing. */
async function sessionMember(ctx: AppContext, options: unknown, room: string): Promise<string> {
  const parsed = JoinOptions.safeParse(options);
  if (!parsed.success) {
    countRefusedJoin(ctx.metrics, room, 'unauthorized');
    throw new ServerError(SeatRefusal.unauthorized, 'unauthorized');
  }
  const session = await ctx.members.resolveSession(parsed.data.token);
  if (!session) {
    countRefusedJoin(ctx.metrics, room, 'sessionExpired');
    throw new ServerError(SeatRefusal.sessionExpired, 'sessionExpired');
  }
  return session.member.id;
}

/** A bounded metrics label: the room name, or the method for joins by id (whose "name" is a room id). */
function roomLabel(method: string, roomName: string): string {
  if (method === 'joinById') return 'byId';
  return matchMaker.getAllHandlers()[roomName] ? roomName : 'unknown';
}
