import { GameJoinErrorCode, GameLeaveCode } from '../../shared/protocol/games.ts';
import { LeaveCode } from '../../shared/protocol/join.ts';
import type { ErrorCode } from '../core/errorCodes.ts';
import type { MessageKey } from '../core/i18n/en.ts';
import { joinErrorCode } from '../core/net/joinError.ts';

/** Why a game could not be joined or stopped: the game rooms' own codes, or one every room shares. */
export type GameErrorCode = 'alreadySeated' | 'impossibleInput' | ErrorCode;

/** Close code the SDK reports when we left on purpose. */
export const CONSENTED_LEAVE = 4000;

/** Turns a failed game join into a code the member's language explains. */
export function gameJoinError(error: unknown): GameErrorCode {
  if (error && typeof error === 'object') {
    const { message, code } = error as { message?: unknown; code?: unknown };
    if (code === GameJoinErrorCode.alreadySeated) return 'alreadySeated';
    if (typeof message === 'string' && /\balreadySeated\b/.test(message)) return 'alreadySeated';
  }
  return joinErrorCode(error);
}

/** Why the game room closed on us; null when we left on purpose. */
export function gameLeaveError(code: number, reason?: string): GameErrorCode | null {
  if (code === CONSENTED_LEAVE) return null;
  if (code === GameLeaveCode.impossibleInput || reason === 'impossibleInput') return 'impossibleInput';
  // Signed out or erased while playing: the lounge's connection ends the same way and signs the page out.
  if (code === LeaveCode.sessionEnded || reason === 'sessionEnded') return 'sessionEnded';
  return 'connectionLost';
}

/** The message that explains a game error. */
export function gameErrorKey(code: GameErrorCode): MessageKey {
  if (code === 'alreadySeated') return 'games.error.alreadySeated';
  if (code === 'impossibleInput') return 'games.error.impossibleInput';
  return `error.${code}`;
}
