import { type ErrorCode, isErrorCode } from '../errorCodes.ts';

/** Colyseus matchmaking codes: the SDK's ErrorCode values, repeated so this file stays import-free. */
const AUTH_FAILED = 525;
const MATCHMAKE_EXPIRED = 524;
/** Layover's own join codes (shared/protocol/join.ts), for when a message is missing. */
const LAYOVER_UNAUTHORIZED = 4401;
const LAYOVER_SESSION_EXPIRED = 4403;
/** Gated rooms: no qualifying pass, removed after the pass left, the pass is seated from another session. */
const LAYOVER_GATE_DENIED = 4410;
const LAYOVER_GATE_LOST = 4411;
const LAYOVER_PASS_IN_USE = 4412;

/** Turns a join rejection (MatchMakeError, ServerError, network failure) into a code the UI translates. */
export function joinErrorCode(error: unknown): ErrorCode {
  if (!error || typeof error !== 'object') return 'joinFailed';
  const { message, code } = error as { message?: unknown; code?: unknown };
  if (isErrorCode(message)) return message;
  if (typeof message === 'string') {
    // A server may prefix its code ("unauthorized: token expired") or wrap it in JSON.
    const match =
      /\b(unauthorized|sessionExpired|loungeFull|rateLimited|internal|gateDenied|passInUse|gateLost)\b/.exec(
        message,
      );
    if (match?.[1] && isErrorCode(match[1])) return match[1];
  }
  if (code === LAYOVER_SESSION_EXPIRED) return 'sessionExpired';
  if (code === LAYOVER_GATE_DENIED) return 'gateDenied';
  if (code === LAYOVER_PASS_IN_USE) return 'passInUse';
  if (code === LAYOVER_GATE_LOST) return 'gateLost';
  if (code === AUTH_FAILED || code === LAYOVER_UNAUTHORIZED || code === 401 || code === 403)
    return 'unauthorized';
  if (code === MATCHMAKE_EXPIRED) return 'joinFailed';
  if (code === 429) return 'rateLimited';
  if (typeof code !== 'number' || error instanceof TypeError) return 'network';
  return 'joinFailed';
}

/** Why the room closed on us, when the server named a reason (or a gate close code) we can translate. */
export function leaveErrorCode(reason: string | undefined, code?: number): ErrorCode {
  if (isErrorCode(reason)) return reason;
  return code === LAYOVER_GATE_LOST ? 'gateLost' : 'connectionLost';
}
