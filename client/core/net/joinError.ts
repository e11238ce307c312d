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
/** Event halls: no such event, doors closed, banned on join; removed, banned or ended once inside. */
const EVENT_CODES: Readonly<Record<number, ErrorCode>> = {
  4420: 'eventNotFound',
  4421: 'eventNotOpen',
  4422: 'eventBanned',
  4423: 'eventRemoved',
  4424: 'eventEnded',
};
/** Any room, once inside: the session ended (signed out, erased), or a host lost the staff role. */
const REVOKED_CODES: Readonly<Record<number, ErrorCode>> = {
  4414: 'sessionEnded',
  4415: 'roleChanged',
};
const JOIN_CODE_NAMES =
  /\b(unauthorized|sessionExpired|loungeFull|rateLimited|internal|gateDenied|passInUse|gateLost|eventNotFound|eventNotOpen|eventBanned)\b/;

/** Turns a join rejection (MatchMakeError, ServerError, network failure) into a code the UI translates. */
export function joinErrorCode(error: unknown): ErrorCode {
  if (!error || typeof error !== 'object') return 'joinFailed';
  const { message, code } = error as { message?: unknown; code?: unknown };
  if (isErrorCode(message)) return message;
  if (typeof message === 'string') {
    // A server may prefix its code ("unauthorized: token expired") or wrap it in JSON.
    const match = JOIN_CODE_NAMES.exec(message);
    if (match?.[1] && isErrorCode(match[1])) return match[1];
  }
  if (code === LAYOVER_SESSION_EXPIRED) return 'sessionExpired';
  if (code === LAYOVER_GATE_DENIED) return 'gateDenied';
  if (code === LAYOVER_PASS_IN_USE) return 'passInUse';
  if (code === LAYOVER_GATE_LOST) return 'gateLost';
  if (typeof code === 'number' && EVENT_CODES[code]) return EVENT_CODES[code];
  if (code === AUTH_FAILED || code === LAYOVER_UNAUTHORIZED || code === 401 || code === 403)
    return 'unauthorized';
  if (code === MATCHMAKE_EXPIRED) return 'joinFailed';
  if (code === 429) return 'rateLimited';
  if (typeof code !== 'number' || error instanceof TypeError) return 'network';
  return 'joinFailed';
}

/** Why the room closed on us, when the server named a reason (or a gate or event close code) we can translate. */
export function leaveErrorCode(reason: string | undefined, code?: number): ErrorCode {
  if (isErrorCode(reason)) return reason;
  if (code === LAYOVER_GATE_LOST) return 'gateLost';
  return (code !== undefined && (EVENT_CODES[code] ?? REVOKED_CODES[code])) || 'connectionLost';
}

/** Leave codes that walk us from an event hall back to the lounge instead of ending the session. */
export function isEventLeave(
  code: ErrorCode,
): code is 'eventRemoved' | 'eventBanned' | 'eventEnded' | 'roleChanged' {
  return code === 'eventRemoved' || code === 'eventBanned' || code === 'eventEnded' || code === 'roleChanged';
}
